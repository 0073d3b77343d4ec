"""What the Train page says when it refuses an uploaded `.keras` file's packing."""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "upload.entries": {
        "en": "A .keras file holds exactly {expected}; this one holds {found}.",
        "ko": ".keras 파일에는 정확히 {expected}만 들어 있어야 하는데, 이 파일에는 {found}이(가) "
              "들어 있습니다.",
    },
    "upload.packing": {
        "en": "{name} in this file is encrypted or packed in a way rnnviz does not unpack.",
        "ko": "이 파일의 {name}은(는) 암호화되었거나 rnnviz가 풀지 않는 방식으로 압축되어 있습니다.",
    },
    "upload.unpacks_too_big": {
        "en": "{name} in this file unpacks to more than {limit} KB; a lesson model needs far "
              "less.",
        "ko": "이 파일의 {name}은(는) 풀면 {limit}KB가 넘습니다. 수업용 모델은 훨씬 작습니다.",
    },
}
