using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareerMap.Framework;

/// <summary>Someone else changed an item between our read and our write; the message is in the writer's language.</summary>
public sealed class StaleFrameworkException(string message) : Exception(message);

/// <summary>Applies a validated diff to the database in one SaveChanges: all of it lands, or none.</summary>
static class FrameworkWriter
{
    /// <param name="kept">The version the change is kept as, saved with it.</param>
    public static async Task ApplyAsync(CareerMapDb db, FrameworkSnapshot before, FrameworkDocument after, FrameworkDiff diff, Versions.FrameworkVersion kept,
        IStringLocalizer L, CancellationToken ct)
    {
        var cmp = StringComparer.OrdinalIgnoreCase;
        var org = await db.Organizations.OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        if (org is null)
            db.Organizations.Add(new Organization { Code = after.Organization.Code, Name = after.Organization.Name, TopLevel = after.Organization.TopLevel, Language = after.Organization.Language });
        else if (diff.OrganizationChanged)
        {
            org.Code = after.Organization.Code;
            org.Name = after.Organization.Name;
            org.TopLevel = after.Organization.TopLevel;
            org.Language = after.Organization.Language;
        }

        var grades = await db.Grades.ToDictionaryAsync(x => x.Code, cmp, ct);
        var units = await db.Units.ToDictionaryAsync(x => x.Code, cmp, ct);
        var families = await db.Families.ToDictionaryAsync(x => x.Code, cmp, ct);
        var competencies = await db.Competencies.ToDictionaryAsync(x => x.Code, cmp, ct);
        var roles = await db.Roles.ToDictionaryAsync(x => x.Code, cmp, ct);
        var roleCodes = roles.Values.ToDictionary(r => r.Id, r => r.Code);
        var competencyCodes = competencies.Values.ToDictionary(c => c.Id, c => c.Code);
        var requirements = (await db.Requirements.ToListAsync(ct))
            .ToDictionary(x => FrameworkCollections.RequirementKey(roleCodes[x.RoleId], competencyCodes[x.CompetencyId]), cmp);
        var duties = await db.Duties.ToDictionaryAsync(x => x.Code, cmp, ct);
        var strategies = await db.Strategies.Include(s => s.Competencies).ToDictionaryAsync(x => x.Code, cmp, ct);
        var moves = await db.Moves.ToDictionaryAsync(x => x.Code, cmp, ct);

        var w = new Apply(db, before, after, diff, L);
        w.Run(FrameworkCollections.Grades, grades, x => new Grade { Code = x.Code, Name = x.Name }, (x, e) => { e.Code = x.Code; e.Name = x.Name; e.Rank = x.Rank; e.Translations = Stored(x.Translations); });
        w.Run(FrameworkCollections.Units, units, x => new BusinessUnit { Code = x.Code, Name = x.Name }, (x, e) => { e.Code = x.Code; e.Name = x.Name; e.Description = x.Description; e.Translations = Stored(x.Translations); });
        w.Run(FrameworkCollections.Families, families, x => new JobFamily { Code = x.Code, Name = x.Name }, (x, e) =>
        {
            e.Code = x.Code; e.Name = x.Name; e.Unit = units[x.Unit]; e.Track = FrameworkValidator.Tracks[x.Track]; e.Description = x.Description; e.Translations = Stored(x.Translations);
        });
        w.Run(FrameworkCollections.Competencies, competencies, x => new Competency { Code = x.Code, Name = x.Name, Definition = x.Definition }, (x, e) =>
        {
            e.Code = x.Code; e.Name = x.Name; e.Category = FrameworkValidator.Categories[x.Category]; e.Definition = x.Definition;
            e.Levels = [.. x.Levels]; e.Indicators = [.. x.Indicators]; e.Translations = Stored(x.Translations);
        });
        w.Run(FrameworkCollections.Roles, roles, x => new Role { Code = x.Code, Title = x.Title }, (x, e) =>
        {
            e.Code = x.Code; e.Title = x.Title; e.Unit = units[x.Unit]; e.Family = families[x.Family]; e.Grade = grades[x.Grade];
            e.Level = x.Level; e.Summary = x.Summary; e.Scope = x.Scope;
            e.Duties = [.. x.Duties ?? []]; e.Prerequisites = [.. (x.Prerequisites ?? []).Select(p => p.ToEntity())];
            e.Translations = Stored(x.Translations);
        });
        w.Run(FrameworkCollections.Requirements, requirements, x => new RoleRequirement(), (x, e) =>
        {
            e.Role = roles[x.Role]; e.Competency = competencies[x.Competency]; e.Level = x.Level; e.Weight = x.Weight; e.Critical = x.Critical;
        });
        w.Run(FrameworkCollections.Duties, duties, x => new Duty { Code = x.Code, Name = x.Name }, (x, e) =>
        {
            e.Code = x.Code; e.Name = x.Name; e.Family = families[x.Family]; e.Order = x.Order;
            e.Marks = [.. (x.Marks ?? []).OrderBy(m => m.Level).Select(m => new DutyMark(m.Level, m.Mark.Trim()))];
            e.Translations = Stored(x.Translations);
        });
        w.Run(FrameworkCollections.Strategies, strategies, x => new DevelopmentStrategy { Code = x.Code, Name = x.Name }, (x, e) =>
        {
            e.Code = x.Code; e.Name = x.Name; e.Description = x.Description; e.Translations = Stored(x.Translations);
            e.Competencies.Clear();
            e.Competencies.AddRange((x.Competencies ?? []).Select(c => competencies[c]));
        });
        w.Run(FrameworkCollections.Moves, moves, x => new Move { Code = x.Code }, (x, e) =>
        {
            e.Code = x.Code; e.FromRole = roles[x.From]; e.ToRole = roles[x.To]; e.Note = x.Note; e.Off = x.Off;
            e.Prerequisites = [.. (x.Prerequisites ?? []).Select(p => p.ToEntity())];
            e.Translations = Stored(x.Translations);
        });

        if (db.Entry(kept).State == EntityState.Detached) db.Add(kept);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleFrameworkException(L["the framework was changed by someone else while this change was being made; nothing was saved"]);
        }
    }

    static Dictionary<string, T> Stored<T>(IReadOnlyDictionary<string, T>? translations) =>
        translations is null ? [] : translations.ToDictionary(t => t.Key.ToLowerInvariant(), t => t.Value);

    sealed class Apply(CareerMapDb db, FrameworkSnapshot before, FrameworkDocument after, FrameworkDiff diff, IStringLocalizer L)
    {
        public void Run<TDto, TEntity>(FrameworkCollection<TDto> collection, Dictionary<string, TEntity> stored, Func<TDto, TEntity> create, Action<TDto, TEntity> update)
            where TDto : class where TEntity : class
        {
            var changes = diff.For(collection);
            var byKey = collection.Items(after).GroupBy(collection.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            foreach (var key in changes.Removed)
            {
                var entity = Expect(collection, stored, key);
                db.Remove(entity);
                stored.Remove(key);
            }
            foreach (var change in changes.Changed)
            {
                var entity = Expect(collection, stored, change.Key);
                update(byKey[change.Key], entity);
                ChangeStamps.Touch(db, entity);
                if (collection.Key(byKey[change.Key]) is var newKey && !stored.ContainsKey(newKey)) stored[newKey] = entity;
            }
            foreach (var key in changes.Added)
            {
                var dto = byKey[key];
                var entity = create(dto);
                update(dto, entity);
                db.Add(entity);
                stored[key] = entity;
            }
        }

        TEntity Expect<TDto, TEntity>(FrameworkCollection<TDto> collection, Dictionary<string, TEntity> stored, string key)
            where TDto : class where TEntity : class
        {
            if (!stored.TryGetValue(key, out var entity))
                throw new StaleFrameworkException(L["{0} was removed by someone else; nothing was saved", collection.Item(key, L)]);
            var entry = db.Entry(entity).Property<int>("Version");
            var expected = before.VersionOf(collection, key);
            if (expected is not null && entry.CurrentValue != expected)
                throw new StaleFrameworkException(L["{0} was changed by someone else; nothing was saved", collection.Item(key, L)]);
            return entity;
        }
    }
}
