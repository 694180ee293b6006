using System.Text.Json;

namespace MultiLabel.Cli.Tests;

/// <summary>The one JSON style of every <c>--json</c> output, checked on a document.</summary>
internal static class JsonStyle
{
    /// <summary>
    /// Asserts every key in <paramref name="element"/> is snake_case. Keys that are data (label names, metric names)
    /// pass too, since the test data's labels and every metric name are lower-case words.
    /// </summary>
    public static void AssertSnakeCase(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Assert.Matches("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", property.Name);
                    AssertSnakeCase(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) AssertSnakeCase(item);
                break;
        }
    }
}
