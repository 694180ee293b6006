using System.Text.Json;

namespace MultiLabel.Cli.Tests;

/// <summary>The one JSON style of every <c>--json</c> output, checked on a document.</summary>
internal static class JsonStyle
{
    /// <summary>
    /// Asserts every key in <paramref name="element"/> is snake_case. Keys that are data (label names, metric names)
    /// pass too, since the test data's labels and every metric name are lower-case words; the keys of the manifest's
    /// <c>integrity</c> map are the bundle's entry names (<c>weights.bin</c>), data too.
    /// </summary>
    public static void AssertSnakeCase(JsonElement element) => Walk(element, dataKeys: false);

    private static void Walk(JsonElement element, bool dataKeys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Assert.Matches(dataKeys ? @"^[a-z][a-z0-9_]*(\.[a-z]+)?$" : "^[a-z][a-z0-9]*(_[a-z0-9]+)*$", property.Name);
                    Walk(property.Value, property.Name == "integrity");
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, dataKeys: false);
                break;
        }
    }
}
