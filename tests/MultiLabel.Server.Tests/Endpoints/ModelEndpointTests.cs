using System.Net;

namespace MultiLabel.Tests.Endpoints;

[Collection(ServedModelCollection.Name)]
public sealed class ModelEndpointTests(ServedModel served)
{
    [Fact]
    public async Task DescribesTheServedModelFromItsManifest()
    {
        using var response = await served.Client.GetAsync("/v1/model");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var model = await response.JsonAsync();
        Assert.Equal("resnet18", model.GetProperty("architecture").GetString());
        Assert.Equal("onnx", model.GetProperty("engine").GetString()); // the default engine on a CPU
        Assert.Equal(TestModel.ImageSize, model.GetProperty("image_size").GetInt32());
        Assert.Equal(TestModel.Labels, model.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var thresholds = model.GetProperty("thresholds");
        for (int i = 0; i < TestModel.Labels.Count; i++)
            Assert.Equal(TestModel.Threshold(i), thresholds.GetProperty(TestModel.Labels[i]).GetSingle());
        Assert.Equal(0.25, model.GetProperty("metrics").GetProperty("val_macro_f1").GetDouble());
        Assert.Equal(3, model.GetProperty("normalization").GetProperty("mean").GetArrayLength());
    }
}
