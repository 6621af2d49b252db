; Inno Setup 6 script of the AMO Desktop installer: per user, no administrator rights.
;
; Input: the one-folder bundle that packaging/amo_desktop.spec builds on Windows (or under Wine).
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir="..\dist\AMO Desktop" /DOutputDir=..\dist packaging\installer.iss
; Paths are relative to this file. Output: AMO-Desktop-<version>-setup.exe.
;
; Installs into %LOCALAPPDATA%\Programs\AMO Desktop (no UAC prompt), adds a Start-menu entry
; (optionally a desktop icon), and uninstalls only what it installed. The vault lives elsewhere,
; in %LOCALAPPDATA%\AMO Desktop (vault.db, keys, backups, logs, settings): neither an upgrade nor
; the uninstaller ever touches that folder.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "work\windows\dist\AMO Desktop"
#endif
#ifndef OutputDir
  #define OutputDir "work\windows"
#endif
#define AppName "AMO Desktop"
#define AppExe "AMO Desktop.exe"
#define DebugExe "amo-desktop-debug.exe"
#define Publisher "Groep INTRO"

[Setup]
; Never change AppId: upgrades and the uninstaller find the installation by it.
AppId={{6F1B3C2A-6E4D-4B8F-9C61-2D7A0E5B8A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#Publisher}
VersionInfoProductName={#AppName}
VersionInfoCompany={#Publisher}
; Per user, without administrator rights; the user cannot switch to an all-users install.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=AMO-Desktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\amo-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running AMO Desktop is asked to close (Restart Manager) before files are replaced.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nl.DataKept=Uw gegevens (de kluis, reservekopieën en logboeken) in %1 zijn niet verwijderd.
en.DataKept=Your data (the vault, backups and logs) in %1 was not removed.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder's code entirely (no stale libraries of an old version).
; {app} is the program folder only: the vault is never in it.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only inside the program folder (byte-code caches, if any were ever written there).
Type: filesandordirs; Name: "{app}\_internal"

[Code]
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\{#AppName}');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder()) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolder()]), mbInformation, MB_OK);
end;
