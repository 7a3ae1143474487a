using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Notify.Triggers.Merchants;

namespace Notify.SelfHost;

/// <summary>The function classes both hosts run.</summary>
public static class FunctionClasses
{
    /// <summary>The assembly that holds them.</summary>
    public static readonly Assembly Assembly = typeof(CreateMerchantFunction).Assembly;

    /// <summary>Registers every class with a <c>[Function]</c> method (HTTP, queue, timer); they are stateless.</summary>
    public static void Register(IServiceCollection services)
    {
        var classes = Assembly.GetExportedTypes().Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null));
        foreach (var type in classes)
        {
            services.AddTransient(type);
        }
    }
}
