using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Data;

/// <summary>Stores a small list as one JSON text column, the same on SQLite and PostgreSQL.</summary>
public static class JsonColumn
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property)
    {
        var comparer = new ValueComparer<List<T>>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(Serialize(v)));
        property.HasConversion(v => Serialize(v), v => Deserialize<T>(v), comparer).IsRequired();
        return property;
    }

    /// <summary>A small map (a framework item's translations by language) as one JSON text column.</summary>
    public static PropertyBuilder<Dictionary<string, T>> HasJsonConversion<T>(this PropertyBuilder<Dictionary<string, T>> property)
    {
        var comparer = new ValueComparer<Dictionary<string, T>>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => DeserializeMap<T>(Serialize(v)));
        property.HasConversion(v => Serialize(v), v => DeserializeMap<T>(v), comparer).IsRequired();
        return property;
    }

    static string Serialize<T>(Dictionary<string, T>? value) => JsonSerializer.Serialize(value ?? [], Options);

    static Dictionary<string, T> DeserializeMap<T>(string json) => JsonSerializer.Deserialize<Dictionary<string, T>>(json, Options) ?? [];

    static string Serialize<T>(List<T>? value) => JsonSerializer.Serialize(value ?? [], Options);

    internal static List<T> Deserialize<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];
}
