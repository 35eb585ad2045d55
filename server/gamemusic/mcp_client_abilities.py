"""The MCP client's optional abilities, fetched before the edit runs: the user's answer to a
question (elicitation: a form with the choices) and the client's model reading a sentence
(sampling: the sentence and the edit schema, JSON back). They are SDK resolvers, so they work
on both protocol generations (a mid-call request on <= 2025-11-25, an `input_required` round
on >= 2026-07-28), and they hand `App.edit` the plain callbacks `words.understand` takes.
A client without the ability gets no request: the reply lists the choices, or the parser
works alone.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from mcp.server.elicitation import ElicitationResult
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.resolve import Elicit, Sample
from mcp_types import CreateMessageResult, SamplingMessage, TextContent
from pydantic import BaseModel, Field, create_model

from gamemusic.words import Ask, EditFields, Interpret, Lang, Question, detect_lang, say
from gamemusic.words.understand import needs_model, pending_question, read_answer, sampling_prompt

log = logging.getLogger("gamemusic.mcp")


class StyleChoice(BaseModel):
    style: str = Field(description="The style id the user picked.")


def _fields(changes: Any) -> EditFields | None:
    if changes is None or isinstance(changes, EditFields):
        return changes
    return EditFields.model_validate(changes)


def ask_style(
    ctx: Context, instruction: str | None = None, changes: Any = None
) -> Elicit[StyleChoice] | None:
    """Resolver: a form with the choices when the request is vague and the client can show one."""
    caps = ctx.client_capabilities
    question = pending_question(instruction, _fields(changes))
    if question is None or caps is None or caps.elicitation is None:
        return None
    lang = detect_lang(instruction or "")
    form = create_model(
        "StyleChoice",
        style=(Literal[question.choices], Field(description=say(lang, "Style", "风格"))),  # type: ignore[valid-type]
    )
    return Elicit(say(lang, question.en, question.zh), form)


def ask_model(ctx: Context, instruction: str | None = None) -> Sample | None:
    """Resolver: the client's model reads a sentence the parser could not fully place."""
    caps = ctx.client_capabilities
    if caps is None or caps.sampling is None or not needs_model(instruction):
        return None
    system, user = sampling_prompt(instruction or "", EditFields.model_json_schema())
    message = SamplingMessage(role="user", content=TextContent(type="text", text=user))
    return Sample([message], max_tokens=800, system_prompt=system, temperature=0)


def asker(answer: ElicitationResult[StyleChoice]) -> Ask | None:
    """The user's answer as the `Ask` callback (None: not asked, declined or cancelled)."""
    data = getattr(answer, "data", None)
    style = getattr(data, "style", None)
    if answer.action != "accept" or style is None:
        return None

    async def ask(question: Question, lang: Lang) -> str | None:
        return style if style in question.choices else None

    return ask


def interpreter(sampled: CreateMessageResult | None) -> Interpret | None:
    """The model's answer as the `Interpret` callback; validated later like typed input."""
    if sampled is None:
        return None
    content = sampled.content
    text = content.text if isinstance(content, TextContent) else ""
    answer = read_answer(text)
    log.info("sampling answer: %s", "JSON object" if answer is not None else "not usable")

    async def interpret(sentence: str, schema: dict[str, Any]) -> dict[str, Any] | None:
        return answer

    return interpret
