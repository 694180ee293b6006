using System.Text.Json;
using System.Text.Json.Serialization;
using MultiLabel.Training;

namespace MultiLabel.Persistence;

/// <summary>Writes an <see cref="EpochRecord"/> as one flat JSON object, keeping the column order.</summary>
public sealed class EpochRecordConverter : JsonConverter<EpochRecord>
{
    /// <inheritdoc/>
    public override EpochRecord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var values = new List<KeyValuePair<string, double>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            double value = property.Value.ValueKind == JsonValueKind.String
                ? double.Parse(property.Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                : property.Value.GetDouble();
            values.Add(new(property.Name, value));
        }
        var epoch = values.FirstOrDefault(v => v.Key == "epoch");
        if (epoch.Key == null) throw new JsonException("An epoch record needs an \"epoch\" value.");
        return new EpochRecord((int)epoch.Value, values);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, EpochRecord value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, number) in value.Values)
        {
            writer.WritePropertyName(name);
            if (double.IsFinite(number)) writer.WriteNumberValue(number);
            else writer.WriteStringValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        writer.WriteEndObject();
    }
}
