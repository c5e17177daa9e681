using CareerMap.Framework;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Data;

/// <summary>What a cache depends on: the framework (everything the framework document holds), the people (employees), or the development plans.</summary>
public enum ChangeArea { Framework, People, Plans }

/// <summary>
/// One row per area whose value changes, to a new random number, in the same transaction as any change to that area.
/// Caches compare one row instead of counting tables; a random value (not a counter) means two instances writing at
/// once, or a restored backup, can never land back on a value a cache already saw.
/// </summary>
public sealed class ChangeStamp
{
    public ChangeArea Area { get; set; }
    public long Value { get; set; }
}

sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> b)
    {
        b.ToTable("change_stamps");
        b.HasKey(x => x.Area);
        b.Property(x => x.Area).HasConversion<string>().HasMaxLength(32);
        b.HasData(new ChangeStamp { Area = ChangeArea.Framework, Value = 0 }, new ChangeStamp { Area = ChangeArea.People, Value = 0 },
            new ChangeStamp { Area = ChangeArea.Plans, Value = 0 });
    }
}

public static class ChangeStamps
{
    /// <summary>
    /// The stamps, read once per unit of work: every cache a request consults (framework, rating index) compares against
    /// the same values, for one round trip. A write through the same context forgets them, so it reads its own writes.
    /// </summary>
    public static async Task<(long Framework, long People)> ReadAsync(CareerMapDb db, CancellationToken ct = default)
    {
        if (db.KnownStamps is { } known) return known;
        var rows = await db.Set<ChangeStamp>().AsNoTracking().ToDictionaryAsync(s => s.Area, s => s.Value, ct);
        var stamps = (rows.GetValueOrDefault(ChangeArea.Framework), rows.GetValueOrDefault(ChangeArea.People));
        db.KnownStamps = stamps;
        return stamps;
    }

    /// <summary>The plans' stamp, for what is worked out from every plan (the development report).</summary>
    public static async Task<long> PlansAsync(CareerMapDb db, CancellationToken ct = default) =>
        await db.Set<ChangeStamp>().AsNoTracking().Where(s => s.Area == ChangeArea.Plans).Select(s => s.Value).FirstOrDefaultAsync(ct);

    /// <summary>For bulk writes that bypass the change tracker (seeding, clearing people): mark the area changed.</summary>
    public static Task BumpAsync(CareerMapDb db, ChangeArea area, CancellationToken ct = default)
    {
        db.KnownStamps = null;
        return db.Set<ChangeStamp>().Where(s => s.Area == area).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, Random.Shared.NextInt64()), ct);
    }

    /// <summary>The same, for bulk writers on a connection of their own: inside their transaction, so the people and the stamp land together.</summary>
    public static async Task BumpAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, ChangeArea area, CancellationToken ct = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """UPDATE change_stamps SET "Value" = @value WHERE "Area" = @area""";
        var value = cmd.CreateParameter();
        value.ParameterName = "@value";
        value.Value = Random.Shared.NextInt64();
        var name = cmd.CreateParameter();
        name.ParameterName = "@area";
        name.Value = area.ToString();
        cmd.Parameters.Add(value);
        cmd.Parameters.Add(name);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Marks an item changed when only what it owns changed (a plan's actions, a strategy's competencies), so the save
    /// interceptor moves its version and a client holding the old version is refused.
    /// </summary>
    public static void Touch(DbContext db, object item) => db.Entry(item).Property("Version").IsModified = true;

    internal static ChangeArea? AreaOf(IEntityType entity) =>
        // A role change or a credential is part of the people: reports and the rating index's facts follow the people's stamp.
        entity.ClrType == typeof(Employee) || entity.ClrType == typeof(RoleChange) || entity.ClrType == typeof(Credential) ? ChangeArea.People
        : entity.ClrType.Namespace == typeof(Role).Namespace ? ChangeArea.Framework
        : entity.ClrType.Namespace == typeof(Plans.DevelopmentPlan).Namespace && entity.ClrType != typeof(Plans.PlanTemplate) ? ChangeArea.Plans
        // A join table (a strategy's competencies) belongs to the area of what it joins.
        : entity.HasSharedClrType && entity.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType.Namespace == typeof(Role).Namespace) ? ChangeArea.Framework
        : null;
}

/// <summary>
/// Runs before every save: bumps the concurrency version of each changed item (the one place versions move) and the
/// change stamp of each area the save touches, so both land in the same transaction as the change itself.
/// </summary>
public sealed class ChangeStampInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        if (context is CareerMapDb db) db.KnownStamps = null;
        var areas = new HashSet<ChangeArea>();
        foreach (var e in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            if (e.Metadata.ClrType == typeof(ChangeStamp)) continue;
            if (e.State == EntityState.Modified && e.Metadata.FindProperty("Version") is { IsConcurrencyToken: true } version && version.ClrType == typeof(int))
            {
                var property = e.Property("Version");
                property.CurrentValue = (int)property.OriginalValue! + 1;
            }
            if (ChangeStamps.AreaOf(e.Metadata) is { } area) areas.Add(area);
        }
        foreach (var area in areas)
        {
            var stamp = context.Set<ChangeStamp>().Local.FirstOrDefault(s => s.Area == area);
            if (stamp is null)
            {
                stamp = new ChangeStamp { Area = area };
                context.Attach(stamp);
            }
            stamp.Value = Random.Shared.NextInt64();
            context.Entry(stamp).Property(s => s.Value).IsModified = true;
        }
    }
}
