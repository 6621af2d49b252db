; NSIS 3 script of the AMO Desktop installer: per user, without administrator rights.
;
; Input: the one-folder bundle that packaging/amo_desktop.spec builds (on Windows or under Wine).
;   makensis -DVERSION=0.1.0 "-DSOURCE_DIR=<bundle folder>" "-DOUT_FILE=<setup.exe>" installer.nsi
; (build-windows.sh does this on Linux with Debian's makensis, the release workflow on Windows.)
;
; Installs into %LOCALAPPDATA%\Programs\AMO Desktop (no UAC prompt), adds a Start-menu shortcut
; (and, if ticked on the last page, one on the desktop) and registers the uninstaller under
; HKCU. The uninstaller deletes what the installer put into the program folder, the shortcuts and
; its registry key, nothing else. The vault lives elsewhere, in %LOCALAPPDATA%\AMO Desktop
; (vault.db, keys, backups, logs, settings): neither an upgrade nor the uninstaller ever touches
; that folder. Silent use for IT: setup.exe /S, "%LOCALAPPDATA%\Programs\AMO Desktop\uninstall.exe" /S.

Unicode true
; A 64-bit installer where this makensis has the amd64 stubs (Debian's package has them; the
; program itself is 64-bit only), else the usual 32-bit one, which works the same way.
!if /FileExists "${NSISDIR}\Stubs\lzma_solid-amd64-unicode"
  Target amd64-unicode
!endif

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z"
!endif
!ifndef SOURCE_DIR
  !error "makensis -DSOURCE_DIR=<the one-folder bundle>"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "AMO-Desktop-${VERSION}-setup.exe"
!endif
; The numeric X.Y.Z.W form the Windows version resource needs (build scripts pass it; the
; default suits a plain X.Y.Z version).
!ifndef VERSION_QUAD
  !define VERSION_QUAD "${VERSION}.0"
!endif

!define APP_NAME "AMO Desktop"
!define APP_EXE "AMO Desktop.exe"
!define DEBUG_EXE "amo-desktop-debug.exe"
!define UNINSTALLER "uninstall.exe"
!define PUBLISHER "Groep INTRO"
; Never change: upgrades and Settings > Apps find the installation by this key.
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\AMO Desktop"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

Name "${APP_NAME}"
OutFile "${OUT_FILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
SetCompressorDictSize 64
ManifestDPIAware true
ShowInstDetails nevershow
ShowUninstDetails nevershow
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "../resources/icons/amo-desktop.ico"
!define MUI_UNICON "../resources/icons/amo-desktop.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_SHOWREADME ""
!define MUI_FINISHPAGE_SHOWREADME_NOTCHECKED
!define MUI_FINISHPAGE_SHOWREADME_TEXT "$(DesktopShortcut)"
!define MUI_FINISHPAGE_SHOWREADME_FUNCTION CreateDesktopShortcut
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(DataKept)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the one used when Windows' language is neither of them.
!insertmacro MUI_LANGUAGE "Dutch"
!insertmacro MUI_LANGUAGE "English"

LangString DesktopShortcut ${LANG_DUTCH} "Snelkoppeling op het bureaublad"
LangString DesktopShortcut ${LANG_ENGLISH} "Shortcut on the desktop"
LangString DataKept ${LANG_DUTCH} "Uw gegevens (de kluis, reservekopieën en logboeken) in $LOCALAPPDATA\${APP_NAME} worden niet verwijderd."
LangString DataKept ${LANG_ENGLISH} "Your data (the vault, backups and logs) in $LOCALAPPDATA\${APP_NAME} is not removed."
LangString CloseApp ${LANG_DUTCH} "${APP_NAME} is nog geopend. Sluit het programma en kies Opnieuw."
LangString CloseApp ${LANG_ENGLISH} "${APP_NAME} is still running. Close it and choose Retry."
LangString NeedWindows ${LANG_DUTCH} "${APP_NAME} vraagt Windows 10 of nieuwer, 64-bit."
LangString NeedWindows ${LANG_ENGLISH} "${APP_NAME} needs Windows 10 or later, 64-bit."
LangString NotDataFolder ${LANG_DUTCH} "De programmamap mag niet de gegevensmap $LOCALAPPDATA\${APP_NAME} zijn."
LangString NotDataFolder ${LANG_ENGLISH} "The program folder cannot be the data folder $LOCALAPPDATA\${APP_NAME}."

; Waits until the program in the program folder is closed (its .exe can be deleted only then).
; Silent: no question, the setup stops with an error instead.
!macro CLOSE_PROGRAM UN
Function ${UN}CloseProgram
  ${Do}
    ${IfNot} ${FileExists} "$INSTDIR\${APP_EXE}"
    ${AndIfNot} ${FileExists} "$INSTDIR\${DEBUG_EXE}"
      Return
    ${EndIf}
    ClearErrors
    Delete "$INSTDIR\${APP_EXE}"
    Delete "$INSTDIR\${DEBUG_EXE}"
    ${IfNot} ${Errors}
      Return
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(CloseApp)" /SD IDCANCEL IDRETRY +2
    Abort
  ${Loop}
FunctionEnd
!macroend
!insertmacro CLOSE_PROGRAM ""
!insertmacro CLOSE_PROGRAM "un."

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedWindows)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext current
FunctionEnd

Function CreateDesktopShortcut
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
FunctionEnd

Section "${APP_NAME}" SecMain
  SectionIn RO
  ${If} "$INSTDIR" == "$LOCALAPPDATA\${APP_NAME}"
    MessageBox MB_OK|MB_ICONSTOP "$(NotDataFolder)" /SD IDOK
    Abort
  ${EndIf}
  Call CloseProgram
  ; An upgrade replaces the program's code entirely (no stale libraries of an old version).
  ; Only inside the program folder: the vault is never in it.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}/*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext current
FunctionEnd

; Removes exactly what the installer wrote: never a recursive delete of $INSTDIR itself (it may
; have been chosen with /D=), and never anything in the data folder.
Section "Uninstall"
  Call un.CloseProgram
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
