using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MultiLabel.Persistence;

/// <summary>The JSON style of every file the project writes: snake_case names, indented, NaN allowed.</summary>
public static class JsonFormat
{
    /// <summary>Serializer options for manifests, checkpoints and reports.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new EpochRecordConverter() },
    };
}
