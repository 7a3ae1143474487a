using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Notify.Benchmark.Load;

/// <summary>
/// The orders the benchmark posts: the contract's example order, with a number, phone and e-mail of their own so each
/// SMS and mail can be matched to its order.
/// </summary>
public static class BenchOrders
{
    /// <summary>The order number of order <paramref name="index"/> in a run part.</summary>
    public static string Number(string part, int index) => $"{part}-{index:D6}";

    /// <summary>A Korean mobile number unique to <paramref name="index"/>, in E.164 as Notify stores it.</summary>
    public static string Phone(int index) => "+8210" + (20000000 + index).ToString(CultureInfo.InvariantCulture);

    /// <summary>An e-mail address unique to the order.</summary>
    public static string Email(string part, int index) => $"{part.ToLowerInvariant()}-{index}@bench.example";

    /// <summary>The JSON body, as UTF-8.</summary>
    public static byte[] Body(string part, int index) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["orderNumber"] = Number(part, index),
        ["placedAt"] = "2026-11-28T09:30:00+09:00",
        ["customer"] = new JsonObject { ["name"] = "김민지", ["phone"] = Phone(index), ["email"] = Email(part, index), ["locale"] = "ko-KR" },
        ["items"] = new JsonArray(new JsonObject { ["name"] = "쑥떡 세트", ["quantity"] = 2, ["unitPrice"] = 15000 }),
        ["total"] = 30000,
        ["currency"] = "KRW",
        ["fulfillment"] = new JsonObject { ["type"] = "pickup", ["at"] = "2026-11-29T10:00:00+09:00" },
        ["note"] = "문 앞에 놓아주세요",
    }.ToJsonString());
}
