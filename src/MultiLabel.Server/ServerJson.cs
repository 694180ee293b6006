using System.Text.Json;
using System.Text.Json.Serialization;

namespace MultiLabel.Server;

/// <summary>
/// The JSON style of every answer: snake_case names, compact; label names (dictionary keys) kept as
/// they are; a metric that is not a number is written as the string <c>"NaN"</c>.
/// </summary>
internal static class ServerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
