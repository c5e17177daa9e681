using Microsoft.Extensions.Localization;

namespace CareerMap.Framework.Formats;

public enum FrameworkFileFormat { Json, Xlsx }

/// <summary>Imports and exports framework files, choosing the format from the name or the content.</summary>
public static class FrameworkFiles
{
    public static FrameworkFileFormat? FormatOf(string fileName, Stream? content = null)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext == ".json") return FrameworkFileFormat.Json;
        if (ext is ".xlsx" or ".xlsm") return FrameworkFileFormat.Xlsx;
        if (content is { CanSeek: true })
        {
            Span<byte> head = stackalloc byte[2];
            var n = content.Read(head);
            content.Position = 0;
            if (n == 2 && head[0] == 'P' && head[1] == 'K') return FrameworkFileFormat.Xlsx;
            if (n >= 1 && head[0] is (byte)'{' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0xEF) return FrameworkFileFormat.Json;
        }
        return null;
    }

    public static FrameworkRead Read(Stream input, string fileName, IStringLocalizer L)
    {
        var format = FormatOf(fileName, input);
        return format switch
        {
            FrameworkFileFormat.Json => JsonFrameworkFormat.Read(input, L),
            FrameworkFileFormat.Xlsx => ExcelFrameworkFormat.Read(input, fileName),
            _ => new(null, [new(fileName, L["unknown file type: expected a .json (careermap/1) or .xlsx framework file"])], p => p),
        };
    }

    public static void Write(FrameworkDocument document, FrameworkFileFormat format, Stream output)
    {
        if (format == FrameworkFileFormat.Json) JsonFrameworkFormat.Write(document, output);
        else ExcelFrameworkFormat.Write(document, output);
    }

    /// <summary>Reads a file and imports it all-or-nothing; a dry run reports the diff and changes nothing.</summary>
    public static async Task<ImportReport> ImportAsync(FrameworkService service, Stream input, string fileName, bool dryRun, IStringLocalizer L,
        Action<FrameworkDiff>? writing = null, CancellationToken ct = default)
    {
        var read = Read(input, fileName, L);
        if (read.Document is null) return new(false, dryRun, read.Problems, null);
        return await service.ImportAsync(read.Document, read.Place, dryRun, read.Problems, writing, ct: ct);
    }
}
