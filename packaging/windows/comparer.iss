; Inno Setup recipe for a Windows installer around the PyInstaller bundle.
; UNTESTED: it needs Windows (PyInstaller cannot cross-build); CI builds and tests only the Linux bundle.
;
;   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
;
; which builds dist\comparer\comparer.exe with packaging\comparer.spec and then runs
;   iscc /DAppVersion=0.1.0 packaging\windows\comparer.iss
; to write dist\comparer-0.1.0-setup.exe. The installer puts the bundle in Program Files (or the user's
; own programs folder when not run as administrator), adds a Start-menu entry that starts `comparer gui`,
; and offers to open .txt, .html, .pdf and .docx files with comparer from the Open with menu.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; Paths in this script are relative to its own folder.
#define Root "..\.."

[Setup]
AppId={{6F1D2C59-1B0B-4C3E-9B52-6E7C3B1E2A41}
AppName=comparer
AppVersion={#AppVersion}
AppPublisher=comparer developers
DefaultDirName={autopf}\comparer
DefaultGroupName=comparer
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=comparer-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\comparer.ico
UninstallDisplayIcon={app}\comparer.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Files]
Source: "{#Root}\dist\comparer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; comparer.exe is a console program (so `comparer compare` prints to the terminal it is run from); started
; from the shortcut it opens a console window beside the app's window.
Name: "{group}\comparer"; Filename: "{app}\comparer.exe"; Parameters: "gui"; IconFilename: "{app}\comparer.exe"
Name: "{autodesktop}\comparer"; Filename: "{app}\comparer.exe"; Parameters: "gui"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; "Open with comparer" for the formats comparer reads; it does not take over any default.
Root: HKA; Subkey: "Software\Classes\Applications\comparer.exe\shell\open\command"; ValueType: string; ValueData: """{app}\comparer.exe"" gui ""%1"""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\comparer.exe\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\comparer.exe\SupportedTypes"; ValueType: string; ValueName: ".html"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\comparer.exe\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\comparer.exe\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""

[Run]
Filename: "{app}\comparer.exe"; Parameters: "gui"; Description: "{cm:LaunchProgram,comparer}"; Flags: nowait postinstall skipifsilent
