using System.Reflection;
using Notify.SelfHost;
using Notify.SelfHost.Queues;

namespace Notify.IntegrationTests.SelfHost;

/// <summary>The self-host's WebJobs entry points are the queue functions the Functions host runs: same names, same queues.</summary>
public sealed class QueueTriggersTests
{
    [Fact]
    public void Self_host_listens_to_every_queue_function_on_its_queue()
    {
        var functions = QueueFunctions(FunctionClasses.Assembly.GetExportedTypes(), typeof(Microsoft.Azure.Functions.Worker.QueueTriggerAttribute),
            m => m.GetCustomAttribute<Microsoft.Azure.Functions.Worker.FunctionAttribute>()?.Name);
        var selfHost = QueueFunctions([typeof(QueueTriggers)], typeof(Microsoft.Azure.WebJobs.QueueTriggerAttribute), m => m.Name);

        Assert.NotEmpty(functions);
        Assert.Equal(functions.OrderBy(kv => kv.Key), selfHost.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Each_entry_point_calls_the_function_of_its_name()
    {
        // One line each: the entry point's body refers to exactly one function method, the one it is named after.
        foreach (var entry in typeof(QueueTriggers).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            var called = CalledMethods(entry).Where(m => m.GetCustomAttribute<Microsoft.Azure.Functions.Worker.FunctionAttribute>() is not null).ToList();
            var function = Assert.Single(called);
            Assert.Equal(entry.Name, function.GetCustomAttribute<Microsoft.Azure.Functions.Worker.FunctionAttribute>()!.Name);
        }
    }

    private static Dictionary<string, string> QueueFunctions(IEnumerable<Type> types, Type triggerAttribute, Func<MethodInfo, string?> name) =>
        (from type in types
         from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
         let trigger = method.GetParameters().Select(p => p.GetCustomAttribute(triggerAttribute)).FirstOrDefault(a => a is not null)
         where trigger is not null && name(method) is not null
         select (Name: name(method)!, Queue: (string)triggerAttribute.GetProperty("QueueName")!.GetValue(trigger)!))
        .ToDictionary(f => f.Name, f => f.Queue);

    // The methods a method's IL calls (call/callvirt with a method token).
    private static IEnumerable<MethodBase> CalledMethods(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        for (var i = 0; i < il.Length - 4; i++)
        {
            if (il[i] is 0x28 or 0x6F && Resolve(method.Module, BitConverter.ToInt32(il, i + 1)) is { } called)
            {
                yield return called;
                i += 4;
            }
        }
    }

    private static MethodBase? Resolve(Module module, int token)
    {
        try
        {
            return module.ResolveMethod(token);
        }
        catch (ArgumentException)
        {
            return null; // an operand byte that only looked like a call
        }
    }
}
