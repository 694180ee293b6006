using System.Text.Encodings.Web;
using System.Text.Json;

namespace MultiLabel.Cli.Output;

/// <summary>The JSON style of every <c>--json</c> output: one document on stdout, camel case kept as written.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    public static void Print<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
