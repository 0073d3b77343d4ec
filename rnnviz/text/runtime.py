"""Strings about the shared runtime every page may meet: TensorFlow loading or failing."""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "runtime.tensorflow_failed": {
        "en": "TensorFlow could not be loaded, so nothing that needs Keras works on this "
              "server until it is fixed and restarted. The reason: {detail}",
        "ko": "TensorFlow를 불러오지 못해, 이 서버를 고치고 다시 시작할 때까지 Keras가 필요한 "
              "기능은 쓸 수 없습니다. 원인: {detail}",
    },
}
