; Inno Setup 6 script: the Windows installer of PixioDoc Desktop.
; Saved as UTF-8 with a byte-order mark so that Inno Setup reads the German text correctly.
;
;   .venv\Scripts\pyinstaller --noconfirm pixiodoc.spec           -> dist\pixiodoc\
;   iscc /DAppVersion=0.1.0 installer\pixiodoc.iss                 -> dist\PixioDoc-Setup-0.1.0.exe
;
; AppVersion is the version in pyproject.toml (the CI passes it in). A per-machine
; install into Program Files with a Start-menu entry. The clinic's data is never in
; the program folder: each Windows user's vault lives in
; %LOCALAPPDATA%\PixioDoc\PixioDoc\vault (platformdirs' user data folder), so
; uninstalling keeps it and the uninstaller says where it is.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "PixioDoc Desktop"
#define AppExe "pixiodoc.exe"

[Setup]
AppId={{6B0C8F2E-7D3A-4B6E-9F11-5C2A8E4D7B90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=PixioDoc
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\PixioDoc
DefaultGroupName=PixioDoc
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..
OutputDir=dist
OutputBaseFilename=PixioDoc-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
SetupIconFile=build\pixiodoc\generated\pixiodoc.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[CustomMessages]
en.VaultKept=PixioDoc has been removed. Your clinic's photos and records were NOT deleted.%n%nEach Windows user's vault stays (unless moved in the settings) in%n    %%LOCALAPPDATA%%\PixioDoc\PixioDoc\vault%nFor you that is:%n    %1%n%nKeep it, back it up (pixiodoc vault backup), or delete it yourself once the clinic no longer needs it.
de.VaultKept=PixioDoc wurde entfernt. Die Fotos und Akten Ihrer Praxis wurden NICHT gelöscht.%n%nDer Tresor jedes Windows-Benutzers bleibt (sofern nicht in den Einstellungen verlegt) in%n    %%LOCALAPPDATA%%\PixioDoc\PixioDoc\vault%nFür Sie ist das:%n    %1%n%nBehalten Sie ihn, sichern Sie ihn (pixiodoc vault backup) oder löschen Sie ihn selbst, wenn die Praxis ihn nicht mehr braucht.
en.LaunchApp=Start PixioDoc now
de.LaunchApp=PixioDoc jetzt starten

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole bundle: no library of the previous version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\pixiodoc\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\PixioDoc"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\PixioDoc"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; Capture with a phone: the phone server listens on one fixed port (settings: phone_port,
; default 47443) only while a pairing is open; allow it on private (clinic) networks only.
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""PixioDoc phone capture"""; Flags: runhidden
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""PixioDoc phone capture"" dir=in action=allow protocol=TCP localport=47443 profile=private,domain program=""{app}\{#AppExe}"""; Flags: runhidden
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""PixioDoc phone capture"""; Flags: runhidden; RunOnceId: "PhoneFirewallRule"

[UninstallDelete]
; Only the program folder. The vault, settings and logs are in the users' profiles and stay.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('VaultKept'), [ExpandConstant('{localappdata}\PixioDoc\PixioDoc\vault')]),
      mbInformation, MB_OK);
end;
