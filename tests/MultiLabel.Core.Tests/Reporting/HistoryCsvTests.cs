using MultiLabel.Reporting;
using MultiLabel.Training;

namespace MultiLabel.Tests.Reporting;

public class HistoryCsvTests
{
    [Fact]
    public void One_row_per_epoch_one_column_per_value_in_order()
    {
        EpochRecord[] epochs =
        [
            new(1, [new("epoch", 1), new("lr", 0.001), new("loss", 0.5), new("val_loss", 0.6)]),
            new(2, [new("epoch", 2), new("lr", 0.0005), new("loss", 0.25), new("val_loss", double.NaN)]),
        ];

        string csv = HistoryCsv.Format(epochs);

        Assert.Equal("epoch,lr,loss,val_loss\n1,0.001,0.5,0.6\n2,0.0005,0.25,\n", csv.ReplaceLineEndings("\n"));
    }
}
