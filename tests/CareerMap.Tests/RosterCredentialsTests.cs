using System.Net;
using System.Net.Http.Json;
using System.Text;
using CareerMap.Accounts;
using CareerMap.People;
using CareerMap.Tests.Support;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerMap.Tests;

/// <summary>Dated credentials on a roster: a workbook's Credentials sheet, or a credentials file beside a CSV roster; all or nothing, and the same file twice changes nothing.</summary>
public sealed class RosterCredentialsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Header = "EmployeeNumber,Name,Email,Role,Manager,HireDate,RoleStartDate,Location,Languages,Certifications,ContactCenterMonths";
    const string CredentialHeader = "EmployeeNumber,Name,Kind,Issuer,Number,IssuedOn,ExpiresOn";
    const string Cpht = "Certified Pharmacy Technician";

    static async Task<RosterReport> ImportAsync(TestDatabase database, string fileName, byte[] bytes, byte[]? credentials = null, string credentialsName = "credentials.csv")
    {
        await using var db = database.Target.CreateContext();
        var file = Roster.Read(new MemoryStream(bytes), fileName, credentials is null ? null : new MemoryStream(credentials), credentialsName);
        return await Roster.ImportAsync(db, file, false, TestClock.Today, NullLogger.Instance, Ct);
    }

    static byte[] Csv(string header, params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", [header, .. lines]) + "\n");

    static async Task<string> LeadAsync(TestDatabase database)
    {
        await using var db = database.Target.CreateContext();
        return await db.Employees.Where(e => e.Role.Code == "CC-SUP").Select(e => e.EmployeeNumber).FirstAsync(Ct);
    }

    /// <summary>A roster workbook: its People sheet, and a Credentials sheet when rows are given (dates as Excel date cells).</summary>
    static byte[] Workbook(string lead, object?[][]? credentials, params string[] people)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("People");
        var header = Header.Split(',');
        for (var i = 0; i < header.Length; i++) ws.Cell(1, i + 1).Value = header[i];
        for (var r = 0; r < people.Length; r++)
        {
            object[] row = [people[r], "Ana Reyes", $"{people[r].ToLowerInvariant()}@x.example", "CC-REP-1", lead, new DateTime(2026, 1, 5), new DateTime(2026, 1, 5), "", "", "", 0];
            for (var i = 0; i < row.Length; i++) ws.Cell(r + 2, i + 1).Value = row[i] is DateTime d ? d : row[i].ToString();
        }
        if (credentials is not null)
        {
            var sheet = wb.AddWorksheet("Credentials");
            var columns = CredentialHeader.Split(',');
            for (var i = 0; i < columns.Length; i++) sheet.Cell(1, i + 1).Value = columns[i];
            for (var r = 0; r < credentials.Length; r++)
                for (var i = 0; i < credentials[r].Length; i++)
                    { if (credentials[r][i] is DateTime d) sheet.Cell(r + 2, i + 1).Value = d; else if (credentials[r][i] is { } v) sheet.Cell(r + 2, i + 1).Value = v.ToString(); }
        }
        using var s = new MemoryStream();
        wb.SaveAs(s);
        return s.ToArray();
    }

    static async Task<List<(string Number, string Name, CredentialKind Kind, string? Issuer, string? CredentialNumber, DateOnly? Issued, DateOnly? Expires)>> StoredAsync(TestDatabase database)
    {
        await using var db = database.Target.CreateContext();
        return [.. (await db.Set<Credential>().Select(c => new { c.Employee.EmployeeNumber, c.Name, c.Kind, c.Issuer, c.Number, c.IssuedOn, c.ExpiresOn }).ToListAsync(Ct))
            .OrderBy(c => c.EmployeeNumber, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => (c.EmployeeNumber, c.Name, c.Kind, c.Issuer, c.Number, c.IssuedOn, c.ExpiresOn))];
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_workbooks_credentials_sheet_records_several_credentials_per_person_new_or_stored_and_a_reimport_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var lead = await LeadAsync(database);
        object?[][] credentials =
        [
            ["N1", Cpht, "certification", "PTCB", "PT-0042", new DateTime(2024, 11, 3), new DateTime(2026, 11, 3)],
            ["N1", "Notary Public", "License", null, null, null, null],
            [lead, "Pharmacist License", "license", "State Board of Pharmacy", "RPH-77", "2025-01-15", "2027-01-31"],
        ];
        var file = Workbook(lead, credentials, "N1");
        var first = await ImportAsync(database, "roster.xlsx", file);
        Assert.True(first.Applied, string.Join("\n", first.Problems));
        Assert.Equal(3, first.Credentials);
        (string, string, CredentialKind, string?, string?, DateOnly?, DateOnly?)[] expected =
        [
            ("N1", Cpht, CredentialKind.Certification, "PTCB", "PT-0042", new DateOnly(2024, 11, 3), new DateOnly(2026, 11, 3)),
            ("N1", "Notary Public", CredentialKind.License, null, null, null, null),
            (lead, "Pharmacist License", CredentialKind.License, "State Board of Pharmacy", "RPH-77", new DateOnly(2025, 1, 15), new DateOnly(2027, 1, 31)),
        ];
        Assert.Equal(expected, (await StoredAsync(database)).OrderBy(c => c.Number == lead).ThenBy(c => c.Name, StringComparer.Ordinal));

        var again = await ImportAsync(database, "roster.xlsx", file);
        Assert.True(again.Applied);
        Assert.Equal(0, again.Credentials);
        Assert.Equal(3, (await StoredAsync(database)).Count);

        // A renewal replaces the record of that name; credentials the file leaves out are kept.
        var renewed = await ImportAsync(database, "roster.xlsx", Workbook(lead, [["N1", "certified pharmacy technician", "certification", "PTCB", "PT-0042", "2026-11-01", "2028-11-01"]], "N1"));
        Assert.Equal(1, renewed.Credentials);
        var stored = await StoredAsync(database);
        Assert.Equal(3, stored.Count);
        Assert.Equal(new DateOnly(2028, 11, 1), stored.Single(c => c.Name == Cpht).Expires);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_csv_roster_takes_its_credentials_as_a_second_file_and_hr_sends_both_over_the_api(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.WithDbAsync(db => db.Employees.Where(e => e.Role.Code == "CC-SUP").Select(e => e.EmployeeNumber).FirstAsync(Ct));
        var roster = Csv(Header, $"N1,A B,a@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0");
        var credentials = Csv(CredentialHeader, $"N1,{Cpht},certification,PTCB,PT-1,2025-01-02,2027-01-01", $"{lead},Notary Public,license,,,,");
        MultipartFormDataContent Form() => new() { { new ByteArrayContent(roster), "file", "roster.csv" }, { new ByteArrayContent(credentials), "credentials", "credentials.csv" } };

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(AppRoles.Manager, lead)).PostAsync("/api/employees/import", Form(), Ct)).StatusCode);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var dry = await hr.PostAsync("/api/employees/import?dryRun=true", Form(), Ct);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Credential>().CountAsync(Ct)));
        var answer = await hr.PostAsync("/api/employees/import", Form(), Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(2, (await answer.Content.ReadFromJsonAsync<RosterReport>(Ct))!.Credentials);
        var listed = await hr.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/employees/N1/credentials", Ct);
        Assert.Equal(("PTCB", "2027-01-01"), (listed[0].GetProperty("issuer").GetString(), listed[0].GetProperty("expiresOn").GetString()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Entity == nameof(Credential), Ct)));

        // The same files again change nothing and write no audit entry.
        var again = await hr.PostAsync("/api/employees/import", Form(), Ct);
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<RosterReport>(Ct))!.Credentials);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Credential>().CountAsync(Ct)));
        Assert.Equal(2, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Entity == nameof(Credential), Ct)));
    }

    public static TheoryData<string, string> BadFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { Providers.Sqlite, Providers.Postgres })
            foreach (var kind in Cases.Keys) data.Add(provider, kind);
        return data;
    }

    /// <summary>Each kind of bad credential row: the roster, the credentials (null for none), the place and the reason.</summary>
    static readonly Dictionary<string, Func<string, (string File, byte[] Bytes, byte[]? Credentials, string Place, string Reason)>> Cases = new()
    {
        ["unknown person"] = lead => ("r.xlsx", Workbook(lead, [["N9", Cpht, "certification", null, null, null, null]], "N1"), null, "Credentials!A2", "no person has employee number N9"),
        ["unknown kind"] = lead => ("r.xlsx", Workbook(lead, [["N1", Cpht, "diploma", null, null, null, null]], "N1"), null, "Credentials!C2", "kind diploma is unknown: certification or license"),
        ["kind missing"] = lead => ("r.xlsx", Workbook(lead, [["N1", Cpht, null, "PTCB", null, null, null]], "N1"), null, "Credentials!C2", "Kind is required"),
        ["bad date"] = lead => ("r.xlsx", Workbook(lead, [["N1", Cpht, "certification", null, null, null, "31/05/2027"]], "N1"), null, "Credentials!G2", "'31/05/2027' is not a date in the form yyyy-MM-dd"),
        ["expires before issued"] = lead => ("r.xlsx", Workbook(lead, [["N1", Cpht, "certification", null, null, "2026-01-10", "2025-01-10"]], "N1"), null, "Credentials!G2", "cannot expire before it was issued"),
        ["issued in the future"] = lead => ("r.xlsx", Workbook(lead, [[lead, Cpht, "certification", null, null, "2026-11-05", null]], "N1"), null, "Credentials!F2", "cannot be issued in the future"),
        ["listed twice"] = lead => ("r.xlsx", Workbook(lead, [["N1", Cpht, "certification", null, null, null, null], ["n1", Cpht.ToUpperInvariant(), "license", null, null, null, null]], "N1"), null,
            "Credentials!B3", "listed twice: Credentials!B2 has it too"),
        ["name too long"] = lead => ("r.xlsx", Workbook(lead, [["N1", new string('x', 201), "certification", null, null, null, null]], "N1"), null, "Credentials!B2", "a name is at most 200 characters"),
        ["unknown column"] = lead => ("r.csv", Csv(Header, $"N1,A B,a@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0"), Csv("EmployeeNumber,Name,Kind,Expiry", $"N1,{Cpht},certification,2027-01-01"),
            "credentials.csv: line 1", "unknown column 'Expiry'"),
        ["csv bad kind"] = lead => ("r.csv", Csv(Header, $"N1,A B,a@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0"), Csv(CredentialHeader, $"N1,{Cpht},degree,,,,"),
            "credentials.csv: line 2, Kind", "kind degree is unknown"),
        ["sheet and file"] = lead => ("r.xlsx", Workbook(lead, [["N1", Cpht, "certification", null, null, null, null]], "N1"), Csv(CredentialHeader, $"N1,{Cpht},certification,,,,"),
            "credentials.csv", "has a Credentials sheet already"),
    };

    [Theory, MemberData(nameof(BadFiles))]
    public async Task A_bad_credential_row_is_refused_with_its_file_sheet_row_and_column_and_nothing_is_written(string provider, string kind)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (file, bytes, credentials, place, reason) = Cases[kind](await LeadAsync(database));
        var report = await ImportAsync(database, file, bytes, credentials);
        Assert.False(report.Applied);
        Assert.Contains(report.Problems, p => p.Place == place && p.Message.Contains(reason, StringComparison.Ordinal));
        await using var db = database.Target.CreateContext();
        Assert.Equal(300, await db.Employees.CountAsync(Ct));
        Assert.Equal(0, await db.Set<Credential>().CountAsync(Ct));
        Assert.False(await db.Audit.AnyAsync(a => a.Entity == nameof(Credential), Ct));
    }
}
