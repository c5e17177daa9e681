using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareerMap.Provisioning;

public sealed record WaitingUser(string Id, string UserName, string? Title, string Reason);

/// <summary>What of a SCIM user CareerMap acts on, read once from the resource.</summary>
/// <param name="EmployeeNumber">The enterprise employeeNumber as sent (valid), or null when none was sent.</param>
/// <param name="EmailsKey">Every emails.value in lower case, one a line (<see cref="ScimUser.EmailsKey"/>).</param>
sealed record ScimFields(string UserName, string? ExternalId, bool Active, string? EmployeeNumber, string? EmailsKey, string? ManagerRef, string Name, string? Email,
    string? Title, string? RoleCode, string? Grade, DateOnly? HireDate, DateOnly? RoleStartDate, string? Location, IReadOnlyList<ScimCredential>? Credentials = null);

/// <summary>A credential as a client sent it in the CareerMap extension, checked against the credential rule when saved.</summary>
/// <param name="Index">Its place in the credentials array, for the error's detail.</param>
sealed record ScimCredential(int Index, string? Name, string? Kind, string? Issuer, string? Number, DateOnly? Issued, DateOnly? Expires);

/// <summary>
/// SCIM 2.0 Users (RFC 7643/7644) over CareerMap's people. Each SCIM user is stored as sent and linked to an employee
/// once a role (CareerMap extension roleCode, else HR's title aliases, else an exact role title) and an email are known;
/// until then it waits, with the reason shown. Employees are matched by employee number, so people already imported
/// from a roster are adopted rather than duplicated. A manager not provisioned yet is linked when they arrive.
/// DELETE deactivates: the resource answers 404 afterwards, the employee and their history stay.
/// </summary>
public sealed partial class ScimProvisioning(CareerMapDb db, TimeProvider clock, IScimAddress address, ILogger<ScimProvisioning> logger, IStringLocalizer<SharedResource> L)
{
    /// <summary>Absolute URL of /scim/v2, for meta.location and $ref.</summary>

    DateOnly Today => clock.Today();

    sealed record EmployeeFacts(int Id, string Number, string Name, string RoleCode, string RoleTitle, string Grade, int? ManagerId, DateOnly? DeactivatedOn);

    public async Task<ScimAnswer> CreateAsync(JsonObject body, CancellationToken ct = default)
    {
        ScimUser? created = null;
        ScimFields? fields = null;
        (int? RoleId, string Why) role = default;
        // Reading the body and finding the role change nothing, so they happen before the gate every write waits at.
        async Task ReadAsync()
        {
            var now = clock.UtcNow();
            (var resource, fields) = ScimUserReader.Read(body);
            created = new ScimUser
            {
                ResourceId = Guid.NewGuid().ToString(), UserName = fields.UserName, UserNameKey = fields.UserName.ToLowerInvariant(),
                Resource = resource.ToJsonString(), Created = now, LastModified = now,
            };
            role = await RoleOfAsync(fields, ct);
        }
        var (user, refusal) = await ProvisionAsync("create", null, async () =>
        {
            db.ScimUsers.Add(created!);
            return (created, await SaveAsync(created!, fields!, ct, role));
        }, ct, ReadAsync);
        return refusal is null ? new(await RenderOneAsync(user!, ct), null) : new(null, refusal);
    }

    public async Task<ScimAnswer> GetAsync(string id, CancellationToken ct = default) =>
        await FindAsync(id, ct) is { } user ? new(await RenderOneAsync(user, ct), null) : new(null, NoUser(id));

    public async Task<ScimAnswer> ReplaceAsync(string id, JsonObject body, string? ifMatch, CancellationToken ct = default)
    {
        var (user, refusal) = await ProvisionAsync("replace", id, async () =>
        {
            if (await FindAsync(id, ct) is not { } user) return (null, NoUser(id));
            var (resource, fields) = ScimUserReader.Read(body, user.Active);
            if (VersionRefusal(user, ifMatch) is { } stale) return (user, stale);
            return (user, await UpdateAsync(user, resource, fields, ct));
        }, ct);
        return refusal is null ? new(await RenderOneAsync(user!, ct), null) : new(null, refusal);
    }

    public async Task<ScimAnswer> PatchAsync(string id, JsonObject body, string? ifMatch, CancellationToken ct = default)
    {
        var (user, refusal) = await ProvisionAsync("patch", id, async () =>
        {
            if (await FindAsync(id, ct) is not { } user) return (null, NoUser(id));
            if (VersionRefusal(user, ifMatch) is { } stale) return (user, stale);
            var resource = JsonNode.Parse(user.Resource)!.AsObject();
            // A linked employee's credentials are patched as CareerMap holds them (HR may have edited them since).
            if (user.EmployeeId is int linked) SetCredentials(resource, await CredentialsOfAsync([linked], ct), linked);
            ScimPatch.Apply(resource, body);
            var (normalized, fields) = ScimUserReader.Read(resource, user.Active);
            // Patched away whole, they are none (for a linked employee; a waiting user's list is only what was sent).
            if (user.EmployeeId is not null && fields.Credentials is null) fields = fields with { Credentials = [] };
            return (user, await UpdateAsync(user, normalized, fields, ct));
        }, ct);
        return refusal is null ? new(await RenderOneAsync(user!, ct), null) : new(null, refusal);
    }

    /// <summary>Deactivates the user's employee and retires the resource; null when done, else why not.</summary>
    public async Task<ScimRefusal?> DeleteAsync(string id, CancellationToken ct = default) => (await ProvisionAsync("delete", id, async () =>
    {
        if (await FindAsync(id, ct) is not { } user) return (null, NoUser(id));
        user.DeletedAt = clock.UtcNow();
        user.Active = false;
        if (user.EmployeeId is int employeeId) await DeactivateAsync(await db.Employees.SingleAsync(e => e.Id == employeeId, ct), ct);
        await db.SaveChangesAsync(ct);
        return (user, null);
    }, ct)).Refusal;

    /// <summary>
    /// One SCIM write of one user, logged and counted: linked, waiting, deactivated or refused. A refusal (404, 409, 412)
    /// is an answer, not an exception: nothing of the write is kept. Malformed input (400) still throws from the reader.
    /// </summary>
    /// <param name="before">What the write needs that changes nothing (reading the body, finding the role): done before the gate.</param>
    async Task<(ScimUser? User, ScimRefusal? Refusal)> ProvisionAsync(string operation, string? id, Func<Task<(ScimUser? User, ScimRefusal? Refusal)>> work, CancellationToken ct,
        Func<Task>? before = null)
    {
        using var activity = CareerMapTelemetry.Source.StartActivity($"scim {operation}");
        (ScimUser? User, ScimRefusal? Refusal) result = default;
        try
        {
            if (before is not null) await before();
            await WriteAsync(async () =>
            {
                result = await work();
                return result.Refusal is null;
            }, ct);
        }
        catch (ScimException e)
        {
            Refused(operation, id, new(e.Status, e.ScimType, e.Message));
            throw;
        }
        if (result.Refusal is { } refusal)
        {
            db.ChangeTracker.Clear();
            Refused(operation, id, refusal);
        }
        else Written(operation, result.User!);
        return result;
    }

    /// <summary>
    /// Provisioning writes one at a time: a report and their manager arriving together must not both miss each other.
    /// In-process by a gate; across PostgreSQL instances by a transaction-scoped advisory lock.
    /// </summary>
    /// <param name="work">Returns whether to keep what it wrote (a refused write is rolled back).</param>
    async Task WriteAsync(Func<Task<bool>> work, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // A failed write rolls back whole, so its saves need no savepoints (a round trip each, inside the gate).
            db.Database.AutoSavepointsEnabled = false;
            if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7243001)", ct);
            if (await work()) await tx.CommitAsync(ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    void Refused(string operation, string? id, ScimRefusal refusal)
    {
        // An id that is not one of ours is whatever the client put in the address: it is not logged.
        logger.ScimWriteRefused(operation, id is null ? "(new)" : Guid.TryParse(id, out _) ? id : "(unknown)", refusal.Status, refusal.ScimType ?? "");
        CountWrite(operation, "refused");
    }

    void Written(string operation, ScimUser user)
    {
        if (!user.Active) logger.ScimUserDeactivated(user.ResourceId, operation, user.EmployeeId);
        else if (user.EmployeeId is null) logger.ScimUserWaiting(user.ResourceId, operation, StoredWords.Phrase(user.Waiting ?? "", EnglishWords.Instance));
        else if (operation == "create") logger.ScimUserCreated(user.ResourceId, user.EmployeeId);
        else logger.ScimUserUpdated(user.ResourceId, operation, user.EmployeeId);
        CountWrite(operation, !user.Active ? "deactivated" : user.EmployeeId is null ? "waiting" : "linked");
    }

    static void CountWrite(string operation, string outcome) => CareerMapTelemetry.ProvisioningWrites.Add(1,
        new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));

    static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<JsonObject> ListAsync(string? filter, int? startIndex, int? count, CancellationToken ct = default)
    {
        var parsed = string.IsNullOrWhiteSpace(filter) ? null : ScimFilter.Parse(filter);
        if (parsed?.Paths().FirstOrDefault(p => !ScimSchemas.Filterable(p)) is { } unknown)
            throw ScimException.BadRequest("invalidFilter", $"'{unknown}' is not an attribute CareerMap can filter on");
        var start = Math.Max(1, startIndex ?? 1);
        var size = Math.Clamp(count ?? ScimSchemas.DefaultCount, 0, ScimSchemas.MaxResults);
        var live = db.ScimUsers.AsNoTracking().Where(u => u.DeletedAt == null);
        // The filters provisioning clients send most are answered from an index; the rest are evaluated on the resources.
        if (parsed is not null && Indexed(live, parsed) is { } found)
        {
            live = found;
            parsed = null;
        }
        if (parsed is null)
        {
            var total = await live.CountAsync(ct);
            var page = await live.OrderBy(u => u.Id).Skip(start - 1).Take(size).ToListAsync(ct);
            return ScimSchemas.List(await RenderAsync(page, ct), total, start);
        }
        var all = await RenderAsync(await live.OrderBy(u => u.Id).ToListAsync(ct), ct);
        var matching = all.Where(parsed.Matches).ToList();
        return ScimSchemas.List([.. matching.Skip(start - 1).Take(size)], matching.Count, start);
    }

    /// <summary>
    /// The users a filter selects, as a query on indexed columns, when the filter is one comparison SQL answers exactly:
    /// eq on userName, externalId, id or employeeNumber; co, sw and ew on userName and emails. Else null.
    /// </summary>
    IQueryable<ScimUser>? Indexed(IQueryable<ScimUser> live, ScimFilter filter)
    {
        if (filter is not ScimFilter.Compare { Value: JsonValue v } compare || v.GetValueKind() != JsonValueKind.String) return null;
        var text = v.GetValue<string>();
        var key = text.ToLowerInvariant();
        var like = key.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        var (contains, starts, ends) = ($"%{like}%", $"{like}%", $"%{like}");
        var column = SearchedColumn(compare.Path);
        if (compare.Op is "co" or "sw" or "ew" && column is "userName" or "emails" && db.Database.IsSqlite())
        {
            // SQLite cannot serve a LIKE that starts with % from a B-tree: the FTS5 trigram index (migration
            // ScimTrigramSearch) finds the candidates, a superset since its LIKE has no escape; the exact LIKE below keeps
            // only what the filter says.
            var pattern = $"%{key}%";
            var candidates = column == "userName"
                ? db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM scim_users_search WHERE "UserNameKey" LIKE {pattern}""")
                : db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM scim_users_search WHERE "EmailsKey" LIKE {pattern}""");
            live = live.Where(u => candidates.Contains(u.Id));
        }
        return (compare.Op, column) switch
        {
            ("eq", "userName") => live.Where(u => u.UserNameKey == key),
            ("eq", "externalId") => live.Where(u => u.ExternalId == text),
            ("eq", "id") => live.Where(u => u.ResourceId == text),
            ("eq", "employeeNumber") => live.Where(u => u.EmployeeNumber == text),
            ("co", "userName") => live.Where(u => EF.Functions.Like(u.UserNameKey, contains, @"\")),
            ("sw", "userName") => live.Where(u => EF.Functions.Like(u.UserNameKey, starts, @"\")),
            ("ew", "userName") => live.Where(u => EF.Functions.Like(u.UserNameKey, ends, @"\")),
            // One address a line: a match never spans two addresses, so the line breaks anchor sw and ew.
            (_, "emails") when key.Contains('\n', StringComparison.Ordinal) => null,
            ("co", "emails") => live.Where(u => EF.Functions.Like(u.EmailsKey!, contains, @"\")),
            ("sw", "emails") => live.Where(u => EF.Functions.Like(u.EmailsKey!, starts, @"\") || EF.Functions.Like(u.EmailsKey!, "%\n" + starts, @"\")),
            ("ew", "emails") => live.Where(u => EF.Functions.Like(u.EmailsKey!, ends, @"\") || EF.Functions.Like(u.EmailsKey!, ends + "\n%", @"\")),
            _ => null,
        };
    }

    static string? SearchedColumn(AttrPath path) => (path.Schema, path.Name.ToLowerInvariant(), path.Sub?.ToLowerInvariant()) switch
    {
        (null, "username", null) => "userName",
        (null, "externalid", null) => "externalId",
        (null, "id", null) => "id",
        (null, "emails" or "emailaddress" or "email", null or "value") => "emails",
        (ScimSchemas.Enterprise, "employeenumber", null) => "employeeNumber",
        _ => null,
    };

    /// <summary>Links users waiting for a role once HR has added the title alias they need; returns how many were linked.</summary>
    public async Task<int> ResolveWaitingAsync(CancellationToken ct = default)
    {
        var linked = 0;
        await WriteAsync(async () =>
        {
            var waiting = await db.ScimUsers.Where(u => u.DeletedAt == null && u.EmployeeId == null).OrderBy(u => u.Id).ToListAsync(ct);
            foreach (var user in waiting)
            {
                var (_, fields) = ScimUserReader.Read(JsonNode.Parse(user.Resource)!.AsObject(), user.Active);
                ScimRefusal? refusal;
                try
                {
                    refusal = await SaveAsync(user, fields, ct);
                }
                catch (ScimException e)
                {
                    refusal = new(e.Status, e.ScimType, e.Message);
                }
                if (refusal is not null)
                {
                    // Still not linkable (the email or number is someone else's): it keeps waiting with its earlier reason.
                    db.ChangeTracker.Clear();
                    continue;
                }
                if (user.EmployeeId is not null) linked++;
            }
            return true;
        }, ct);
        if (linked > 0) logger.ScimWaitingLinked(linked);
        return linked;
    }

    /// <summary>Provisioned users not yet linked to an employee, with the reason in HR's language, for HR to act on.</summary>
    public async Task<List<WaitingUser>> WaitingAsync(CancellationToken ct = default) =>
        [.. (await db.ScimUsers.AsNoTracking().Where(u => u.DeletedAt == null && u.EmployeeId == null).OrderBy(u => u.Id).ToListAsync(ct))
            .Select(u => new WaitingUser(u.ResourceId, u.UserName, Json.Text(Json.Get(JsonNode.Parse(u.Resource)!.AsObject(), "title")), StoredWords.Phrase(u.Waiting ?? "", L)))];

    Task<ScimUser?> FindAsync(string id, CancellationToken ct) =>
        db.ScimUsers.SingleOrDefaultAsync(u => u.ResourceId == id && u.DeletedAt == null, ct);

    static ScimRefusal NoUser(string id) => new(404, null, $"no user with id '{Json.Describe(id)}'");

    static ScimRefusal? VersionRefusal(ScimUser user, string? ifMatch) =>
        string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*" || ifMatch.Split(',').Select(t => t.Trim()).Contains(ETag(user)) ? null
        : new(412, null, $"the user changed since it was read: its version is now {ETag(user)}");

    public static string ETag(ScimUser user) => $"W/\"{user.Version}\"";

    async Task<ScimRefusal?> UpdateAsync(ScimUser user, JsonObject resource, ScimFields fields, CancellationToken ct)
    {
        user.Resource = resource.ToJsonString();
        user.UserName = fields.UserName;
        user.UserNameKey = fields.UserName.ToLowerInvariant();
        user.LastModified = clock.UtcNow();
        return await SaveAsync(user, fields, ct);
    }

    /// <summary>Stores the user, links or updates its employee and the reporting lines that waited for it (inside the caller's transaction).</summary>
    /// <param name="role">The role when already found, else it is found here.</param>
    async Task<ScimRefusal?> SaveAsync(ScimUser user, ScimFields fields, CancellationToken ct, (int? RoleId, string Why)? role = null)
    {
        var credentials = fields.Credentials is { } sent ? CheckedCredentials(sent) : null;
        if (await db.ScimUsers.AnyAsync(u => u.UserNameKey == user.UserNameKey && u.DeletedAt == null && u.Id != user.Id, ct))
            return Taken($"userName '{fields.UserName}' is already taken");
        user.ExternalId = fields.ExternalId;
        user.EmailsKey = fields.EmailsKey;
        user.ManagerRef = fields.ManagerRef;
        user.Active = fields.Active;

        var linked = user.EmployeeId is int linkedId ? await db.Employees.SingleAsync(e => e.Id == linkedId, ct) : null;
        // Without an employeeNumber a linked employee keeps theirs; a new one is numbered by externalId, else userName, when valid.
        var number = fields.EmployeeNumber ?? linked?.EmployeeNumber ?? new[] { fields.ExternalId, fields.UserName }.FirstOrDefault(EmployeeNumbers.IsValid);
        user.EmployeeNumber = number;
        // The employee with this number and whoever holds this email, in one query; exact and lower-case spellings, so
        // the lookup stays on the email index at a million people.
        var email = fields.Email;
        var lowerEmail = email?.ToLowerInvariant();
        var near = number is null && email is null ? []
            : await db.Employees.Where(e => e.EmployeeNumber == number || e.Email == email || e.Email == lowerEmail).ToListAsync(ct);
        var employee = linked ?? near.FirstOrDefault(e => e.EmployeeNumber == number);
        if (employee is not null && employee.Id != user.EmployeeId
            && await db.ScimUsers.AnyAsync(u => u.EmployeeId == employee.Id && u.DeletedAt == null && u.Id != user.Id, ct))
            return Taken($"employee number {number} belongs to another provisioned user");
        if (employee is not null && employee.EmployeeNumber != number && near.Any(e => e.EmployeeNumber == number && e.Id != employee.Id))
            return Taken($"employee number {number} belongs to someone else");

        var (roleId, why) = role ?? await RoleOfAsync(fields, ct);
        if (email is not null && near.Any(e => (e.Email == email || e.Email == lowerEmail) && (employee == null || e.Id != employee.Id)))
            return Taken($"email {email} belongs to another employee");
        if (employee is null && (roleId is null || fields.Email is null || number is null))
        {
            user.EmployeeId = null;
            user.Waiting = roleId is null ? why : fields.Email is null ? WaitingReasons.NoEmail(StoredWords.Instance) : WaitingReasons.NoEmployeeNumber(StoredWords.Instance);
            await db.SaveChangesAsync(ct);
            return null;
        }

        var adding = employee is null;
        if (employee is null)
        {
            employee = new Employee
            {
                EmployeeNumber = number!, Name = fields.Name, Email = fields.Email!, RoleId = roleId!.Value,
                HireDate = fields.HireDate ?? Today, RoleStartDate = fields.RoleStartDate ?? fields.HireDate ?? Today,
            };
            db.Employees.Add(employee);
            await RecordRoleChangeAsync(employee, null, ct);
        }
        else
        {
            if (roleId is int newRole && newRole != employee.RoleId)
            {
                var from = employee.RoleId;
                employee.RoleId = newRole;
                employee.RoleStartDate = fields.RoleStartDate ?? Today;
                await RecordRoleChangeAsync(employee, from, ct);
            }
            else if (fields.RoleStartDate is { } started) employee.RoleStartDate = started;
            if (fields.HireDate is { } hired) employee.HireDate = hired;
            employee.EmployeeNumber = number!;
            employee.Name = fields.Name;
            if (fields.Email is not null) employee.Email = fields.Email;
        }
        if (fields.Location is not null) employee.Location = fields.Location;
        if (fields.Active) await ReactivateAsync(employee, ct);
        else await DeactivateAsync(employee, ct);
        user.Employee = employee;
        user.Waiting = null;
        if (credentials is not null)
        {
            var stored = adding ? [] : await db.Set<Credential>().Where(c => c.EmployeeId == employee.Id).ToListAsync(ct);
            People.Credentials.Apply(db, stored, credentials, removeOthers: true, name => new Credential { Employee = employee, Name = name });
        }

        var manager = fields.ManagerRef is null ? null : await ManagerIdAsync(fields.ManagerRef, ct);
        var selfReference = fields.ManagerRef is { } reference && (reference == user.ResourceId || reference == fields.ExternalId || reference == number);
        // Nobody reports yet to a person not stored before, so only a reference to themselves could close a loop.
        if (selfReference || manager is int m && !adding && (m == employee.Id || await ReportingLine.LeadsAsync(db, employee.Id, m, ct)))
            throw ScimException.BadRequest("invalidValue", $"{ScimSchemas.Enterprise}:manager: '{fields.ManagerRef}' reports to this user, so they cannot be their manager");
        employee.ManagerId = manager;
        await LinkReportsAsync(user, employee, manager, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    static ScimRefusal Taken(string detail) => new(409, "uniqueness", detail);

    /// <summary>The credentials sent, by the one credential rule and once per name; a 400 naming the attribute otherwise.</summary>
    List<CredentialInput> CheckedCredentials(IReadOnlyList<ScimCredential> sent)
    {
        var inputs = new List<CredentialInput>();
        foreach (var c in sent)
        {
            var place = $"{ScimSchemas.CareerMap}:credentials[{c.Index}]";
            var (input, problem) = CredentialInput.Of(c.Name, c.Kind, c.Issuer, c.Number, c.Issued, c.Expires, Today);
            if (problem is not null)
            {
                var sub = problem.Field switch { "issuedOn" => "issued", "expiresOn" => "expires", var f => f };
                throw ScimException.BadRequest("invalidValue", $"{place}.{sub}: {problem.Reason}");
            }
            if (inputs.Any(i => string.Equals(i.Name, input!.Name, StringComparison.OrdinalIgnoreCase)))
                throw ScimException.BadRequest("invalidValue", $"{place}.name: '{Json.Describe(input!.Name)}' is listed twice; a person holds one credential of a name");
            inputs.Add(input!);
        }
        return inputs;
    }

    /// <summary>Linked employees' dated credentials, by employee id.</summary>
    async Task<ILookup<int, Credential>> CredentialsOfAsync(IReadOnlyCollection<int> ids, CancellationToken ct) => ids.Count == 0 ? Array.Empty<Credential>().ToLookup(c => c.EmployeeId)
        : (await db.Set<Credential>().AsNoTracking().Where(c => ids.Contains(c.EmployeeId)).ToListAsync(ct)).ToLookup(c => c.EmployeeId);

    /// <summary>Puts the employee's credentials in the CareerMap extension as SCIM returns them: name order, dates as yyyy-MM-dd, none as unassigned.</summary>
    static void SetCredentials(JsonObject resource, ILookup<int, Credential> credentials, int employeeId)
    {
        var extension = Json.Get(resource, ScimSchemas.CareerMap) as JsonObject;
        if (extension is not null) Json.Remove(extension, "credentials");
        var held = credentials[employeeId].OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (held.Count == 0) return;
        if (extension is null) Json.Set(resource, ScimSchemas.CareerMap, extension = []);
        static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        extension["credentials"] = new JsonArray([.. held.Select(c =>
        {
            var o = new JsonObject { ["name"] = c.Name, ["kind"] = WireNames.Of(c.Kind) };
            if (c.Issuer is not null) o["issuer"] = c.Issuer;
            if (c.Number is not null) o["number"] = c.Number;
            if (Day(c.IssuedOn) is { } issued) o["issued"] = issued;
            if (Day(c.ExpiresOn) is { } expires) o["expires"] = expires;
            return (JsonNode)o;
        })]);
    }

    /// <summary>People whose manager reference names this user and who were waiting for them.</summary>
    /// <param name="managersManager">Whom the manager reports to once this write lands: a report above them stays unlinked, as a loop.</param>
    async Task LinkReportsAsync(ScimUser user, Employee manager, int? managersManager, CancellationToken ct)
    {
        var keys = new[] { user.ResourceId, user.ExternalId, manager.EmployeeNumber }.OfType<string>().ToList();
        var reports = await db.ScimUsers.Where(u => u.DeletedAt == null && u.EmployeeId != null && u.Id != user.Id && keys.Contains(u.ManagerRef!))
            .Select(u => u.EmployeeId!.Value).ToListAsync(ct);
        if (reports.Count == 0) return;
        List<int> above = managersManager is int boss ? [boss, .. await ReportingLine.Above(db, boss).ToListAsync(ct)] : [];
        foreach (var report in await db.Employees.Where(e => reports.Contains(e.Id) && e.ManagerId != manager.Id).ToListAsync(ct))
        {
            if (above.Contains(report.Id)) continue;
            report.Manager = manager;
        }
    }

    /// <summary>Appends the person's move into the role they now hold (from none for someone new), saved with the rest of the change.</summary>
    async Task RecordRoleChangeAsync(Employee employee, int? fromRoleId, CancellationToken ct)
    {
        var codes = await db.Roles.Where(r => r.Id == employee.RoleId || r.Id == fromRoleId).ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        db.RoleChanges.Add(new RoleChange
        {
            Employee = employee, On = employee.RoleStartDate, FromRole = fromRoleId is int from ? codes[from] : null, ToRole = codes[employee.RoleId],
            Source = RoleChangeSource.Scim,
        });
    }

    async Task<int?> ManagerIdAsync(string reference, CancellationToken ct) =>
        await db.ScimUsers.Where(u => u.DeletedAt == null && u.EmployeeId != null && (u.ResourceId == reference || u.ExternalId == reference))
            .Select(u => u.EmployeeId).FirstOrDefaultAsync(ct)
        ?? await db.Employees.Where(e => e.EmployeeNumber == reference).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1862", Justification = Sql.CaseInsensitiveMatch)]
    async Task<(int? RoleId, string Why)> RoleOfAsync(ScimFields fields, CancellationToken ct)
    {
        if (fields.RoleCode is { } code)
        {
            var role = await db.Roles.Where(r => r.Code == code).Select(r => new { r.Id, Grade = r.Grade.Code }).FirstOrDefaultAsync(ct)
                ?? throw ScimException.BadRequest("invalidValue", $"{ScimSchemas.CareerMap}:roleCode: no role '{code}' in the framework");
            if (fields.Grade is { } g && !string.Equals(g, role.Grade, StringComparison.OrdinalIgnoreCase))
                throw ScimException.BadRequest("invalidValue", $"{ScimSchemas.CareerMap}:grade: role {code} is on grade {role.Grade}, not {g}");
            return (role.Id, "");
        }
        if (fields.Title is not { } title)
            return (null, WaitingReasons.NoRole(StoredWords.Instance));
        var key = TitleAlias.KeyOf(title);
        var aliases = await db.TitleAliases.Where(a => a.TitleKey == key).Select(a => new { a.Grade, a.RoleId }).ToListAsync(ct);
        var alias = (fields.Grade is { } grade ? aliases.FirstOrDefault(a => string.Equals(a.Grade, grade, StringComparison.OrdinalIgnoreCase)) : null)
            ?? aliases.FirstOrDefault(a => a.Grade is null);
        if (alias is not null) return (alias.RoleId, "");
        var roles = await db.Roles.Where(r => r.Title.ToLower() == key).Select(r => new { r.Id, r.Code, Grade = r.Grade.Code }).ToListAsync(ct);
        if (fields.Grade is { } wanted) roles = [.. roles.Where(r => string.Equals(r.Grade, wanted, StringComparison.OrdinalIgnoreCase))];
        return roles switch
        {
            [var only] => (only.Id, ""),
            [] => (null, WaitingReasons.NoRoleForTitle(title, fields.Grade, StoredWords.Instance)),
            _ => (null, WaitingReasons.SeveralRoles(title, [.. roles.Select(r => r.Code)], StoredWords.Instance)),
        };
    }

    async Task DeactivateAsync(Employee employee, CancellationToken ct)
    {
        if (employee.DeactivatedOn is not null) return;
        employee.DeactivatedOn = Today;
        foreach (var account in await db.Users.Where(u => u.EmployeeId == employee.Id && employee.Id != 0).ToListAsync(ct))
        {
            // Locked for good and signed out everywhere the security stamp is checked.
            account.LockoutEnabled = true;
            account.LockoutEnd = new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
            account.SecurityStamp = Guid.NewGuid().ToString("N");
        }
    }

    async Task ReactivateAsync(Employee employee, CancellationToken ct)
    {
        if (employee.DeactivatedOn is null) return;
        employee.DeactivatedOn = null;
        foreach (var account in await db.Users.Where(u => u.EmployeeId == employee.Id).ToListAsync(ct))
            account.LockoutEnd = null;
    }

    async Task<JsonObject> RenderOneAsync(ScimUser user, CancellationToken ct) => (await RenderAsync([user], ct))[0];

    async Task<List<JsonObject>> RenderAsync(IReadOnlyList<ScimUser> users, CancellationToken ct)
    {
        var ids = users.Where(u => u.EmployeeId is not null).Select(u => u.EmployeeId!.Value).ToHashSet();
        var facts = await EmployeeFactsAsync(ids, ct);
        var managers = facts.Values.Where(f => f.ManagerId is int m && !facts.ContainsKey(m)).Select(f => f.ManagerId!.Value).ToHashSet();
        foreach (var (id, f) in await EmployeeFactsAsync(managers, ct)) facts[id] = f;
        var managerIds = facts.Values.Select(f => f.ManagerId).OfType<int>().ToHashSet();
        var managerResources = await db.ScimUsers.AsNoTracking().Where(u => u.DeletedAt == null && u.EmployeeId != null && managerIds.Contains(u.EmployeeId.Value))
            .Select(u => new { EmployeeId = u.EmployeeId!.Value, u.ResourceId }).ToListAsync(ct);
        var resourceOf = managerResources.GroupBy(m => m.EmployeeId).ToDictionary(g => g.Key, g => g.First().ResourceId);
        var credentials = await CredentialsOfAsync(ids, ct);
        return [.. users.Select(u => Render(u, u.EmployeeId is int e ? facts.GetValueOrDefault(e) : null, facts, resourceOf, credentials))];
    }

    async Task<Dictionary<int, EmployeeFacts>> EmployeeFactsAsync(IReadOnlyCollection<int> ids, CancellationToken ct) => ids.Count == 0 ? [] :
        await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new EmployeeFacts(e.Id, e.EmployeeNumber, e.Name, e.Role.Code, e.Role.Title, e.Role.Grade.Code, e.ManagerId, e.DeactivatedOn))
            .ToDictionaryAsync(e => e.Id, ct);

    JsonObject Render(ScimUser user, EmployeeFacts? employee, Dictionary<int, EmployeeFacts> facts, Dictionary<int, string> resourceOf, ILookup<int, Credential> credentials)
    {
        var resource = JsonNode.Parse(user.Resource)!.AsObject();
        if (employee is not null) SetCredentials(resource, credentials, employee.Id);
        var rendered = new JsonObject { ["schemas"] = new JsonArray([ScimSchemas.User, .. ScimSchemas.Extensions.Where(resource.ContainsKey).Append(ScimSchemas.CareerMap).Distinct()]), ["id"] = user.ResourceId };
        foreach (var (key, value) in resource.ToList().Where(p => p.Key is not "schemas"))
        {
            resource.Remove(key);
            rendered[key] = value;
        }
        rendered["active"] = user.Active;
        if (rendered[ScimSchemas.Enterprise] is JsonObject enterprise && Json.Get(enterprise, "manager") is JsonObject manager
            && employee?.ManagerId is int managerId && facts.TryGetValue(managerId, out var boss))
        {
            manager["displayName"] = boss.Name;
            // RFC 7643 §4.3: value is the manager's id. A manager CareerMap knows only from the roster keeps the value as sent.
            if (resourceOf.TryGetValue(managerId, out var managerResource))
            {
                manager["value"] = managerResource;
                manager["$ref"] = $"{address.BaseUrl}/Users/{managerResource}";
            }
        }
        var careerMap = rendered[ScimSchemas.CareerMap] as JsonObject ?? [];
        rendered[ScimSchemas.CareerMap] = careerMap;
        if (employee is not null)
        {
            careerMap["currentRoleCode"] = employee.RoleCode;
            careerMap["currentGrade"] = employee.Grade;
            careerMap["roleTitle"] = employee.RoleTitle;
            careerMap["employeeNumber"] = employee.Number;
            careerMap["status"] = "linked";
        }
        else
        {
            careerMap["status"] = "waiting";
            careerMap["waiting"] = user.Waiting is null ? null : StoredWords.Phrase(user.Waiting, L);
        }
        rendered["meta"] = new JsonObject
        {
            ["resourceType"] = "User",
            ["created"] = user.Created.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["lastModified"] = user.LastModified.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["location"] = $"{address.BaseUrl}/Users/{user.ResourceId}",
            ["version"] = ETag(user),
        };
        return rendered;
    }
}

/// <summary>Why a SCIM request was refused (404, 409, 412 with the RFC's scimType), answered rather than thrown.</summary>
public sealed record ScimRefusal(int Status, string? ScimType, string Detail);

/// <summary>A SCIM answer about one user: the resource as the client sees it, or why not.</summary>
public sealed record ScimAnswer(JsonObject? Resource, ScimRefusal? Refusal);
