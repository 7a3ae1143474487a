using System.Text;
using Notify.Storage;

namespace Notify.Core.Tests.Storage;

/// <summary>Every key made from caller input fits Azure Tables: at most 1 KiB, none of / \ # ? or control characters.</summary>
public sealed class RowKeysTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Keys_from_any_text_up_to_the_header_limit_are_legal(int seed)
    {
        var random = new Random(seed);
        // The characters that escape worst (3 bytes each, or 9 for non-ASCII), Korean, emoji, controls.
        const string alphabet = "/%:#?\\ \u0001\u007f한글😀abc-_.~";
        for (var n = 0; n < 500; n++)
        {
            var length = random.Next(1, 257);
            var value = new StringBuilder();
            while (value.Length < length)
            {
                value.Append(alphabet[random.Next(alphabet.Length)]);
            }
            foreach (var key in new[] { RowKeys.Webhook(value.ToString()), RowKeys.OrderNumber(value.ToString()), RowKeys.Customer(value.ToString()) })
            {
                Assert.True(Encoding.UTF8.GetByteCount(key) <= 1024, $"{key.Length} characters");
                Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
            }
        }
    }

    [Fact]
    public void Long_ids_that_differ_get_different_keys_and_the_same_id_the_same_key()
    {
        var a = new string('/', 256);
        var b = new string('/', 255) + "%";

        Assert.NotEqual(RowKeys.Webhook(a), RowKeys.Webhook(b));
        Assert.Equal(RowKeys.Webhook(a), RowKeys.Webhook(new string('/', 256)));
    }

    [Fact]
    public void Short_ids_keep_their_readable_keys()
    {
        Assert.Equal("webhook|msg_2Lk%2F1", RowKeys.Webhook("msg_2Lk/1"));
    }
}
