"""Background training, one worker thread per browser session, no Streamlit inside."""
from rnnviz.trainer.custom import from_text, from_words
from rnnviz.trainer.files import MAX_UPLOAD_BYTES, read_keras_file
from rnnviz.trainer.progress import History, State, Status
from rnnviz.trainer.run import TrainingRun
from rnnviz.trainer.scheduler import SCHEDULER, Scheduler
from rnnviz.trainer.session import SessionTrainer
from rnnviz.trainer.settings import TrainSettings, defaults_for, model_config, problems

__all__ = [
    "MAX_UPLOAD_BYTES", "SCHEDULER", "History", "Scheduler", "SessionTrainer", "State", "Status",
    "TrainSettings", "TrainingRun", "defaults_for", "from_text", "from_words", "model_config",
    "problems", "read_keras_file",
]
