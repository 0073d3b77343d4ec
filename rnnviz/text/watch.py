"""A run shared with others (Train and Language model pages): the watch link, the owner's
address, the watcher's view."""

TEXT = {
    "watch.share_none": {"en": "Share this run", "ko": "이 학습 공유하기"},
    "watch.share": {
        "en": "Share this run · {count} watching",
        "ko": "이 학습 공유하기 · {count}명이 보는 중",
    },
    "watch.share_help": {
        "en": "Watch link: whoever opens it follows this run live on their own device, "
              "read-only (up to {limit} people at once).",
        "ko": "보기 링크: 이 링크를 연 사람은 자기 기기에서 이 학습을 실시간으로 볼 수만 "
              "있습니다(동시에 최대 {limit}명).",
    },
    "watch.owner_help": {
        "en": "Your own address, with the controls: keep it to yourself. A reload brings the "
              "run back; with none of your pages open, it ends after {minutes} minutes.",
        "ko": "조작 권한이 있는 내 주소이니 다른 사람에게 주지 마세요. 새로 고쳐도 학습으로 "
              "돌아옵니다. 내 페이지가 하나도 열려 있지 않으면 {minutes}분 뒤에 학습이 끝납니다.",
    },
    "watch.watching": {
        "en": "You are watching a run someone shared with you: it updates by itself, and only "
              "its owner can pause, stop or reset it. Its trained models appear in the model "
              "menu on Step-through.",
        "ko": "다른 사람이 공유한 학습을 보고 있습니다. 화면은 저절로 갱신되며, 일시 정지, 정지, "
              "초기화는 학습한 사람만 할 수 있습니다. 학습된 모델은 단계별 실행의 모델 목록에 "
              "나타납니다.",
    },
    "watch.idle": {
        "en": "No run yet: it appears here as soon as its owner presses Start.",
        "ko": "아직 학습이 없습니다. 학습한 사람이 시작을 누르면 바로 여기에 나타납니다.",
    },
    "watch.about": {"en": "What it learns: {lesson} · {cell}", "ko": "학습할 예제: {lesson} · {cell}"},
    "watch.leave": {"en": "Stop watching", "ko": "그만 보기"},
    "watch.model_name": {
        "en": "Watched: {lesson} · {cell} · run {number}",
        "ko": "공유받은 학습: {lesson} · {cell} · {number}번째 학습",
    },
    "watch.link_unknown": {
        "en": "This watch link does not lead to a run: it is mistyped, or the run has ended. "
              "Here is the page without it instead.",
        "ko": "이 보기 링크로는 학습을 찾을 수 없습니다. 주소가 잘못되었거나 학습이 끝났습니다. "
              "대신 링크 없이 이 페이지를 엽니다.",
    },
    "watch.owner_link_unknown": {
        "en": "This address does not lead to a run any more: it is mistyped, or the run ended "
              "(a run ends {minutes} minutes after its owner's last page closed). You can "
              "start a new one here.",
        "ko": "이 주소로는 더 이상 학습을 찾을 수 없습니다. 주소가 잘못되었거나 학습이 "
              "끝났습니다(학습한 사람의 페이지가 모두 닫히고 {minutes}분이 지나면 끝납니다). "
              "여기서 새로 시작할 수 있습니다.",
    },
    "watch.full": {
        "en": "This run already has {limit} people watching, as many as it takes. Try again "
              "later, or watch it on the projector.",
        "ko": "이 학습은 이미 {limit}명이 보고 있어 더 볼 수 없습니다. 나중에 다시 시도하거나 "
              "프로젝터 화면으로 보세요.",
    },
}
