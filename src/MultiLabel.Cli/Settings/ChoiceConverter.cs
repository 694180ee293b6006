using System.ComponentModel;
using System.Globalization;

namespace MultiLabel.Cli.Settings;

/// <summary>Converts an option's word (<c>onnx</c>) to the enumeration value it names (see <see cref="Choices"/>); numbers and unknown words are refused.</summary>
public sealed class ChoiceConverter<T> : TypeConverter where T : struct, Enum
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text && Choices.Parse(typeof(T), text) is { } parsed
            ? parsed
            : throw new FormatException($"'{value}' is not one of {Choices.List(typeof(T))}.");
}
