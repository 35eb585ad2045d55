"""One edit request -> one plan: the user's sentence, the agent's typed fields, and, where the
client offers them, the client's model (for words the parser could not place) and the user's
answer to a question ("darker: dungeon or boss?").

The engine knows nothing of MCP: the two client abilities come in as callbacks, `Interpret`
(the sentence and the fields' JSON schema in, the model's JSON out) and `Ask` (a question in,
a chosen style id out). Whatever the model answers is validated exactly like typed input and
only fills what the parser left open; a bad answer is dropped, never trusted.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from gamemusic.errors import BadInput
from gamemusic.words.fields import EditFields, cloud_sentence, merge, plan_from_fields
from gamemusic.words.plan import EditPlan, Question
from gamemusic.words.replies import nothing_to_do, refusal
from gamemusic.words.text import Lang, say


def _parse(text: str) -> EditPlan:
    """The sentence parsed; the rule tables load with the first sentence, not at import."""
    from gamemusic.words.parser import parse

    return parse(text)


Interpret = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any] | None]]
Ask = Callable[[Question, Lang], Awaitable[str | None]]


@dataclass
class Understood:
    """The plan to apply, or the question to put to the user first (then nothing changes)."""

    plan: EditPlan
    question: Question | None = None
    said: list[str] = field(default_factory=list)  # how the client's model or an answer helped


async def understand(
    instruction: str | None,
    fields: EditFields | None,
    lang: Lang,
    *,
    interpret: Interpret | None = None,
    ask: Ask | None = None,
) -> Understood:
    """Raises BadInput when nothing can be done (not understood, or only things the product
    cannot do); returns a question instead of guessing when the request is vague."""
    given = plan_from_fields(fields, lang) if fields is not None and not fields.is_empty else None
    parsed: EditPlan | None = None
    failure: BadInput | None = None
    if instruction and instruction.strip():
        try:
            parsed = _parse(instruction)
        except BadInput as exc:
            if exc.code != "not_understood" or exc.context.get("recognized"):
                raise
            failure = exc
    said: list[str] = []
    if interpret is not None and instruction and (failure or (parsed and parsed.ignored)):
        extra = await _interpret(interpret, instruction)
        if extra is not None and not extra.is_empty:
            base = parsed or EditPlan(lang=lang)
            parsed, failure = _fill(base, extra), None
            said.append(say(lang, "Your assistant's model helped read the rest of the sentence.",
                            "借助你的助手模型理解了句子的其余部分。"))  # fmt: skip
    if failure is not None and given is None:
        raise failure
    plan = merge(parsed, given) if given is not None else parsed
    if plan is None:
        raise BadInput(
            say(lang, "Nothing to change: give an instruction or at least one field.",
                "没有要修改的内容：请给一句指令或至少一个字段。"),
            hint=say(lang, "For example instruction='add boss music' or style='boss'.",
                     "例如 instruction='加Boss战音乐' 或 style='boss'。"),
            code="not_understood",
        )  # fmt: skip
    plan.lang = lang
    plan.said = cloud_sentence(fields, instruction)
    if plan.question is not None:
        choice = await ask(plan.question, lang) if ask is not None else None
        if choice not in plan.question.choices:
            return Understood(plan, plan.question, said)
        plan.style, plan.question = choice, None
        said.append(say(lang, f"You chose {choice}.", f"你选择了 {choice}。"))
    if plan.is_empty:
        raise refusal(plan) if plan.unsupported else nothing_to_do(instruction or "", plan)
    return Understood(plan, None, said)


def pending_question(instruction: str | None, fields: EditFields | None) -> Question | None:
    """The question `understand` would put to the user for this request, if any (no side
    effects: callers ask the client up front, before the edit runs)."""
    if fields is not None and fields.style is not None:
        return None
    try:
        plan = _parse(instruction) if instruction and instruction.strip() else None
    except BadInput:
        return None
    return plan.question if plan is not None else None


def needs_model(instruction: str | None) -> bool:
    """True when the sentence has words the parser could not place (or none it could)."""
    if not instruction or not instruction.strip():
        return False
    try:
        return bool(_parse(instruction).ignored)
    except BadInput as exc:
        return exc.code == "not_understood" and not exc.context.get("recognized")


async def _interpret(interpret: Interpret, instruction: str) -> EditPlan | None:
    answer = await interpret(instruction, EditFields.model_json_schema())
    if not isinstance(answer, dict):
        return None
    try:
        return plan_from_fields(EditFields.model_validate(answer))
    except ValidationError:
        return None


# Fields that set one aspect together: the parser's "louder" is not topped up by a level.
_ASPECT = {
    "volume_factor": "volume",
    "game_volume_factor": "game_volume",
    "tempo_factor": "bpm",
    "duck_db": "duck",
    "duck_step": "duck",
    "seed": "new_take",
    "add_music": "style",
}


def _fill(parsed: EditPlan, extra: EditPlan) -> EditPlan:
    """The parser's plan with the model's answer filling only what the parser left unset."""
    taken = {_ASPECT.get(name, name) for name in parsed.changed()}
    out = merge(parsed, EditPlan(lang=parsed.lang))
    for name, value in extra.changed().items():
        if _ASPECT.get(name, name) not in taken:
            setattr(out, name, value)
    out.ignored = []
    return out


SAMPLING_SYSTEM = (
    "You turn a video creator's request about the background music of a gameplay video into "
    "JSON for an editing tool. Answer with one JSON object only, no prose, using only keys from "
    "this JSON schema; leave out everything the request does not ask for.\nSchema: "
)


def sampling_prompt(sentence: str, schema: dict[str, Any]) -> tuple[str, str]:
    """(system prompt, user message) asking the client's model for `EditFields` JSON."""
    return SAMPLING_SYSTEM + json.dumps(schema, ensure_ascii=False), sentence


def read_answer(text: str) -> dict[str, Any] | None:
    """The JSON object in a model's answer (code fences and prose around it allowed)."""
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        return None
    try:
        data = json.loads(text[start : end + 1])
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
