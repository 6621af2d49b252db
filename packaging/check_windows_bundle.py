"""Static checks of the Windows bundle, run on Linux (needs the pure-Python `pefile`).

    python packaging/check_windows_bundle.py "packaging/work/windows/dist/AMO Desktop" \
        [--system32 PREFIX/drive_c/windows/system32]

A bundle tested under Wine can still fail on a clean Windows: Wine provides DLLs that Windows
does not have (the MSVC runtime msvcp140/vcruntime140, ...). This check fails when
  * a .exe/.dll/.pyd in the bundle imports a DLL that is neither in the bundle nor a Windows
    OS DLL (API sets api-ms-win-*/ext-ms-*, or a DLL of the Wine prefix's system32 that is not a
    redistributable);
  * a file in the bundle is a Wine builtin or placeholder DLL (copied from the prefix);
  * a stub DLL of the build prefix (icuuc.dll, bcryptprimitives.dll) ended up in the bundle;
  * the executables lack an icon or version resource.
Exit 0 when all is well; every problem is printed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pefile

PE_SUFFIXES = {".exe", ".dll", ".pyd"}
WINE_MARKERS = (b"Wine builtin DLL", b"Wine placeholder DLL")
# Not part of Windows: redistributables that Wine's system32 has but a clean Windows lacks.
REDISTRIBUTABLE = re.compile(
    r"^(msvcp\d+.*|vcruntime\d+.*|concrt\d+|vcomp\d+|vccorlib\d+|msvcr\d+.*|mfc\d+.*|"
    r"ucrtbased)\.dll$"
)
# Windows OS DLLs that are always there (used when no Wine system32 is given).
_OS_DLL_NAMES = """
    advapi32.dll authz.dll bcrypt.dll bcryptprimitives.dll cfgmgr32.dll comctl32.dll comdlg32.dll
    crypt32.dll d3d11.dll d3d12.dll d3d9.dll d3dcompiler_47.dll dbghelp.dll dnsapi.dll dwmapi.dll
    dwrite.dll dxgi.dll gdi32.dll icu.dll icuuc.dll imm32.dll iphlpapi.dll kernel32.dll mpr.dll
    msimg32.dll ncrypt.dll netapi32.dll normaliz.dll ntdll.dll ole32.dll oleaut32.dll opengl32.dll
    rpcrt4.dll secur32.dll setupapi.dll shcore.dll shell32.dll shlwapi.dll ucrtbase.dll
    user32.dll userenv.dll uxtheme.dll version.dll winhttp.dll wininet.dll winmm.dll winspool.drv
    wldap32.dll ws2_32.dll wtsapi32.dll
"""
KNOWN_OS = set(_OS_DLL_NAMES.split())


def imports_of(path: Path) -> set[str]:
    pe = pefile.PE(str(path), fast_load=True)
    pe.parse_data_directories(
        directories=[
            pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"],
            pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT"],
        ]
    )
    names = set()
    for attr in ("DIRECTORY_ENTRY_IMPORT", "DIRECTORY_ENTRY_DELAY_IMPORT"):
        for entry in getattr(pe, attr, []):
            names.add(entry.dll.decode("ascii", "replace").lower())
    pe.close()
    return names


def has_resources(path: Path) -> tuple[bool, bool]:
    """(icon, version) resources present in an executable."""
    pe = pefile.PE(str(path), fast_load=True)
    pe.parse_data_directories(
        directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]]
    )
    kinds = set()
    if hasattr(pe, "DIRECTORY_ENTRY_RESOURCE"):
        kinds = {entry.id for entry in pe.DIRECTORY_ENTRY_RESOURCE.entries}
    pe.close()
    icon, version = pefile.RESOURCE_TYPE["RT_GROUP_ICON"], pefile.RESOURCE_TYPE["RT_VERSION"]
    return icon in kinds, version in kinds


def os_dlls(system32: Path | None) -> set[str]:
    if system32 is None:
        return set(KNOWN_OS)
    present = {p.name.lower() for p in system32.iterdir() if p.suffix.lower() in {".dll", ".drv"}}
    return {n for n in present if not REDISTRIBUTABLE.match(n)} | KNOWN_OS


def is_os(name: str, os_names: set[str]) -> bool:
    return name.startswith(("api-ms-win-", "ext-ms-")) or name in os_names


def check(bundle: Path, system32: Path | None) -> list[str]:
    problems: list[str] = []
    files = [p for p in bundle.rglob("*") if p.is_file()]
    in_bundle = {p.name.lower() for p in files}
    os_names = os_dlls(system32)
    pe_files = [p for p in files if p.suffix.lower() in PE_SUFFIXES]
    for path in files:
        data = path.read_bytes()
        for marker in WINE_MARKERS:
            if marker in data:
                problems.append(f"{path.relative_to(bundle)}: contains {marker.decode()!r}")
    for path in pe_files:
        try:
            wanted = imports_of(path)
        except pefile.PEFormatError as exc:
            problems.append(f"{path.relative_to(bundle)}: not a PE file ({exc})")
            continue
        for name in sorted(wanted):
            if name not in in_bundle and not is_os(name, os_names):
                problems.append(
                    f"{path.relative_to(bundle)} imports {name}: not in the bundle, "
                    "not a Windows DLL"
                )
    for stub in ("icuuc.dll", "bcryptprimitives.dll"):
        if stub in in_bundle:
            problems.append(f"{stub} is in the bundle: the Wine prefix's stub must not be shipped")
    for exe in (p for p in pe_files if p.suffix.lower() == ".exe" and p.parent == bundle):
        icon, version = has_resources(exe)
        if not icon:
            problems.append(f"{exe.name}: no icon resource")
        if not version:
            problems.append(f"{exe.name}: no version resource")
    print(f"checked {len(pe_files)} PE files of {len(files)} files in {bundle}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--system32", type=Path, help="the Wine prefix's system32")
    args = parser.parse_args()
    if not args.bundle.is_dir():
        print(f"no bundle at {args.bundle}", file=sys.stderr)
        return 2
    problems = check(args.bundle, args.system32)
    for problem in problems:
        print(f"FAIL {problem}")
    print("static DLL check passed" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
