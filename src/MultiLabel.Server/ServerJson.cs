using System.Text.Json;
using System.Text.Json.Serialization;

namespace MultiLabel.Server;

/// <summary>
/// The JSON style of every answer: snake_case names, compact; label names (dictionary keys) kept as
/// they are. No answer carries a number that is not one: a prediction the model gave NaN for is an error for that image,
/// a metric that is not a number is null.
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
