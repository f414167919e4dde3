"""Writers of the exports another command already makes: DOT as `render -f dot` draws it,
node-link JSON as `show --format json` prints it."""

from __future__ import annotations

from argmap.convert.losses import Losses
from argmap.language.nodelink import node_link_json
from argmap.model import ArgumentMap
from argmap.render.render import RenderOptions, build_dot


def write_dot(amap: ArgumentMap, _losses: Losses) -> str:
    return build_dot(amap, RenderOptions(fmt="dot"))


def write_node_link(amap: ArgumentMap, _losses: Losses) -> str:
    return node_link_json(amap)
