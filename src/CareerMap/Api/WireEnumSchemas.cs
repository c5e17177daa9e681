using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CareerMap.Api;

/// <summary>
/// Enums travel as their kebab-case names (see <see cref="WireNames"/>), so their schemas are strings. The generator
/// also puts <c>null</c> among a shared enum's values once any property is nullable (dotnet/aspnetcore#60986);
/// nullable properties already say so beside the reference.
/// </summary>
public sealed class WireEnumSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { Count: > 0 } values)
        {
            schema.Type = JsonSchemaType.String;
            for (var i = values.Count - 1; i >= 0; i--)
                if (values[i] is null) values.RemoveAt(i);
        }
        return Task.CompletedTask;
    }
}
