# Build the Windows bundle and installer. UNTESTED: it needs Windows with Python 3.11+ and Inno Setup 6
# (iscc on PATH, or in its default folder); CI builds and tests only the Linux bundle.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Writes dist\comparer\comparer.exe (the one-folder bundle) and dist\comparer-VERSION-setup.exe.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path .venv\Scripts\python.exe)) { py -3 -m venv .venv }
.venv\Scripts\python -m pip install -q --upgrade pip
.venv\Scripts\python -m pip install -q -e ".[bundle]"
$version = (.venv\Scripts\python -c "import comparer; print(comparer.__version__)").Trim()

.venv\Scripts\pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller packaging\comparer.spec
if (-not (Test-Path dist\comparer\comparer.exe)) { throw "PyInstaller made no dist\comparer\comparer.exe" }

# The same smoke test as on Linux, in short: the version, a comparison of the sample pair, the window.
$env:QT_QPA_PLATFORM = "offscreen"
$printed = (dist\comparer\comparer.exe --version)
if ($printed -notlike "comparer *") { throw "comparer.exe --version printed '$printed'" }
dist\comparer\comparer.exe gui --smoke
if ($LASTEXITCODE -ne 0) { throw "comparer.exe gui --smoke failed" }
Remove-Item Env:QT_QPA_PLATFORM

$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\comparer.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "dist\comparer-$version-setup.exe"
