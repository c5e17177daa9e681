#!/usr/bin/env bash
# How long the release server takes to refuse hostile roster workbooks, and its peak memory (VmHWM) while it does:
# a ~2 KB workbook of REPT formulas, a one-million-row roster, and a zip whose sheet declares 3 GB. A fresh server per file,
# so each peak is that file's alone.
#   bench/load/workbooks.sh [--app DIR]     (DIR: a published careermap to measure instead of this tree, e.g. an older commit)
set -euo pipefail
cd "$(dirname "$0")/../.."
app_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --app) app_dir=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
if [ -z "$app_dir" ]; then dotnet publish src/CareerMap -c Release -o "$work/app" -v quiet -nologo >/dev/null; app_dir="$work/app"; fi
app="$app_dir/careermap"
db="Data Source=$work/bench.db"
"$app" seed --employees 300 --db "$db" >/dev/null
password=load-test-password-1
echo "$password" | "$app" users add --email load.hr@bench.example --role admin --password-stdin --db "$db" >/dev/null

python3 - "$work" <<'PY'
import sys, zipfile, struct
work = sys.argv[1]
head = ['EmployeeNumber','Name','Email','Role','Manager','HireDate','RoleStartDate','Location','Languages','Certifications','ContactCenterMonths']
ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
def book(path, rows, dimension=None):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr('xl/workbook.xml', f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as s:
            s.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}">'.encode())
            if dimension: s.write(f'<dimension ref="{dimension}"/>'.encode())
            s.write(b'<sheetData>')
            header = ''.join(f'<c r="{chr(65+i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(head))
            s.write(f'<row r="1">{header}</row>'.encode())
            for chunk in rows: s.write(chunk.encode())
            s.write(b'</sheetData></worksheet>')
def rept():
    cells = ''.join(f'<c r="{chr(65+c)}{r}"><f>REPT(REPT("x",32767),32767)</f></c>' for c in range(11) for r in [2])
    yield ''.join(f'<row r="{r}">' + cells.replace('2"', f'{r}"') + '</row>' for r in range(2, 40))
def million():
    for start in range(2, 1_000_002, 10_000):
        yield ''.join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}" t="inlineStr"><is><t>P</t></is></c><c r="F{r}"><v>46027</v></c></row>' for r in range(start, min(start + 10_000, 1_000_002)))
book(f'{work}/rept.xlsx', rept())
book(f'{work}/million.xlsx', million(), 'A1:K1000001')
book(f'{work}/small.xlsx', iter(['<row r="2"><c r="A2" t="inlineStr"><is><t>N1</t></is></c></row>']))
# The same small workbook with its sheet declaring 3 GB unpacked, in the central directory and the local header.
data = bytearray(open(f'{work}/small.xlsx', 'rb').read())
name = b'xl/worksheets/sheet1.xml'
i = data.find(b'PK\x01\x02' + b'')
while i >= 0:
    n = struct.unpack_from('<H', data, i + 28)[0]
    if data[i + 46:i + 46 + n] == name:
        struct.pack_into('<I', data, i + 24, 3 << 30)
        local = struct.unpack_from('<I', data, i + 42)[0]
        struct.pack_into('<I', data, local + 22, 3 << 30)
    i = data.find(b'PK\x01\x02', i + 4)
open(f'{work}/declares-3gb.xlsx', 'wb').write(data)
PY

port=5098
printf '%-20s %10s %6s %10s %14s\n' file size status seconds "server peak"
for f in rept million declares-3gb; do
  "$app" serve --urls "http://127.0.0.1:$port" --no-demo --db "$db" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  token=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"load.hr@bench.example\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  before=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
  result=$(curl -s -o "$work/$f.answer" -w '%{http_code} %{time_total}' --max-time 120 -H "Authorization: Bearer $token" -F "file=@$work/$f.xlsx" "http://127.0.0.1:$port/api/employees/import?dryRun=true" || echo "000 timeout")
  peak=$(awk '/VmHWM/ {print $2}' "/proc/$server/status" 2>/dev/null || echo 0)
  printf '%-20s %10s %6s %10s %11s MB   (idle %s MB)\n' "$f.xlsx" "$(stat -c %s "$work/$f.xlsx")" ${result% *} ${result#* } $((peak / 1024)) $((before / 1024))
  head -c 300 "$work/$f.answer"; echo
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; server=""
done
