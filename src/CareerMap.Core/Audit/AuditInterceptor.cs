using System.Text.Json;
using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareerMap.Audit;

/// <summary>
/// Writes an audit entry for every entity added, changed or removed, in the same SaveChanges as the change itself,
/// so a change and its record land together or not at all. Secrets (password hashes, stamps) are never recorded.
/// Bulk paths that bypass the change tracker (seeding, roster import) record a summary entry themselves; one whose
/// actor is <see cref="AuditEntry.CurrentActor"/> is signed here with who is saving and when. Ids the database assigns
/// are not known before the save: such entries say "(new)" at first and get the real ids right after.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor, TimeProvider clock) : BeforeSaveInterceptor
{
    const string New = "(new)";
    readonly List<(AuditEntry Entry, EntityEntry Source, List<PropertyEntry> Changed)> awaitingIds = [];

    static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Xml", "Hash"];
    static readonly HashSet<string> Skipped = [nameof(AuditEntry), nameof(DataProtectionKey), nameof(ChangeStamp), nameof(Accounts.SignInSession), nameof(Notifications.Notification), nameof(Notifications.OutboxMail), nameof(Notifications.NoticeCursor), "IdentityUserToken`1", "IdentityUserLogin`1"];

    protected override void BeforeSave(DbContext context)
    {
        var now = clock.UtcNow();
        awaitingIds.Clear();
        foreach (var summary in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.Actor == AuditEntry.CurrentActor))
        {
            summary.Entity.Actor = actor.Name;
            summary.Entity.At = now;
        }
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Skipped.Contains(e.Metadata.ClrType.Name)
                && !Attribute.IsDefined(e.Metadata.ClrType, typeof(NotAuditedAttribute)))
            .ToList();
        foreach (var e in entries)
        {
            var changed = e.Properties.Where(p => e.State != EntityState.Modified || p.IsModified).Where(p => !p.Metadata.IsShadowProperty() || p.Metadata.IsForeignKey()).ToList();
            if (e.State == EntityState.Modified && changed.All(p => p.Metadata.Name == "Version")) continue;
            // A change names what it belongs to (a requirement's role and competency, a rating's person) even when that did
            // not change, so the trail can say "CC-REP-3 · Customer Focus: level 3 → 4" and be searched by role or person.
            if (e.State == EntityState.Modified)
                changed.AddRange(e.Properties.Where(p => !p.IsModified && p.Metadata.IsForeignKey() && !p.Metadata.IsPrimaryKey()));
            var entry = new AuditEntry
            {
                At = now,
                Actor = actor.Name,
                Entity = e.Metadata.ClrType.Name == "Dictionary`2" ? e.Metadata.Name : e.Metadata.ClrType.Name,
                Key = KeyOf(e),
                Action = e.State.ToString().ToLowerInvariant(),
                Before = e.State == EntityState.Added ? null : Json(changed, p => p.OriginalValue),
                After = e.State == EntityState.Deleted ? null : Json(changed, p => p.IsTemporary ? New : p.CurrentValue),
            };
            context.Add(entry);
            if (e.State != EntityState.Deleted && e.Properties.Any(p => p.IsTemporary)) awaitingIds.Add((entry, e, changed));
        }
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && FillInIds()) await context.SaveChangesAsync(cancellationToken);
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && FillInIds()) context.SaveChanges();
        return base.SavedChanges(eventData, result);
    }

    /// <summary>Now that the database has assigned them, writes the real ids into the entries that said "(new)".</summary>
    bool FillInIds()
    {
        if (awaitingIds.Count == 0) return false;
        foreach (var (entry, source, changed) in awaitingIds)
        {
            entry.Key = KeyOf(source);
            entry.After = Json(changed, p => p.CurrentValue);
        }
        awaitingIds.Clear();
        return true;
    }

    /// <summary>The name people know the item by: its code, employee number or email; else its id.</summary>
    static string KeyOf(EntityEntry e)
    {
        foreach (var name in new[] { "Code", "EmployeeNumber", "UserName", "Email", "Name", "Title" })
            if (e.Metadata.FindProperty(name) is not null && e.Property(name).CurrentValue is string s && s.Length > 0) return s;
        var key = e.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join("/", key.Properties.Select(p => e.Property(p.Name).IsTemporary ? New : $"{e.Property(p.Name).CurrentValue}"));
    }

    static string Json(List<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(properties.ToDictionary(p => p.Metadata.Name, p => Secret.Contains(p.Metadata.Name) ? "(hidden)" : Simple(value(p))));

    static object? Simple(object? value) => value switch
    {
        null => null,
        string or int or long or bool or decimal or double or DateOnly or DateTime => value,
        Enum e => e.ToString(),
        _ => JsonSerializer.Serialize(value, value.GetType(), Nested),
    };

    /// <summary>Nested values (prerequisites, lists) with enum names, so a trail read years later needs no code to decode.</summary>
    static readonly JsonSerializerOptions Nested = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}
