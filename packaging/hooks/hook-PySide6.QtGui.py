"""Replaces PyInstaller's hook for PySide6.QtGui: the same collection, fewer Qt plugins.

Plugins the program never needs (framebuffer/EGL/VNC platforms, GTK theme, exotic image
formats, touch input) are dropped here, before PyInstaller analyses their dependencies, so the
libraries they pull in (GTK, cairo, pango, libdrm, ...) stay out of the bundle too.
"""

import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# plugin folder -> base names kept (without lib prefix / extension); a folder not listed is
# kept whole, a folder mapped to an empty set is dropped.
KEEP = {
    "platforms": {"qwindows", "qxcb", "qwayland", "qoffscreen", "qminimal"},
    "platformthemes": {"qxdgdesktopportal"},
    "imageformats": {"qgif", "qico", "qjpeg", "qsvg"},
    "egldeviceintegrations": set(),
    "generic": set(),
}


def _wanted(source: str, dest: str) -> bool:
    folder = os.path.basename(os.path.normpath(dest))
    if folder not in KEEP or "plugins" not in dest.replace("\\", "/").split("/"):
        return True
    name = os.path.basename(source).split(".")[0]
    name = name[3:] if name.startswith("lib") else name
    return name in KEEP[folder]


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if _wanted(src, dest)]
