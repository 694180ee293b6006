using System.Text.Json;
using MultiLabel.Persistence;

namespace MultiLabel.Cli.Output;

/// <summary>
/// The one JSON style of every <c>--json</c> output: the style of the files the project writes (<see cref="JsonFormat"/>:
/// snake_case names, enumerations as snake_case words), with the keys of dictionaries — labels, metric names — kept
/// as they are. Commands print records whose property names become the keys; none names a key by hand.
/// </summary>
internal static class Json
{
    /// <summary>One document, indented (predict, evaluate, info, models, export, dataset inspect).</summary>
    public static readonly JsonSerializerOptions Document = new(JsonFormat.Options) { DictionaryKeyPolicy = null };

    /// <summary>One object per line (train's events).</summary>
    public static readonly JsonSerializerOptions Lines = new(Document) { WriteIndented = false };

    /// <summary>Prints <paramref name="value"/> as one JSON document on stdout.</summary>
    public static void Print<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Document));

    /// <summary>Prints <paramref name="value"/> as one line of JSON on stdout.</summary>
    public static void PrintLine<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Lines));
}
