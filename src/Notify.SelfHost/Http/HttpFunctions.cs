using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Notify.SelfHost.Http;

/// <summary>
/// Serves every HTTP-triggered function class on the route, methods and auth level its own attributes declare, so
/// the self-host cannot drift from what the Functions host serves.
/// </summary>
public static class HttpFunctions
{
    private static readonly Assembly Functions = FunctionClasses.Assembly;

    /// <summary>The HTTP functions: their class, method and trigger attribute.</summary>
    public static IEnumerable<(Type Type, MethodInfo Method, HttpTriggerAttribute Trigger)> Discover() =>
        from type in Functions.GetExportedTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        where method.GetCustomAttribute<FunctionAttribute>() is not null
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)
        where trigger is not null
        select (type, method, trigger);

    /// <summary>Maps each function under <paramref name="routePrefix"/>.</summary>
    public static void Map(WebApplication app, string routePrefix)
    {
        foreach (var (type, method, trigger) in Discover())
        {
            var invoke = FunctionInvoker.Create(type, method, requiresKey: trigger.AuthLevel != AuthorizationLevel.Anonymous);
            app.MapMethods(routePrefix.Length == 0 ? trigger.Route! : $"{routePrefix}/{trigger.Route}", trigger.Methods!.Select(m => m.ToUpperInvariant()), invoke)
                .WithName(method.GetCustomAttribute<FunctionAttribute>()!.Name);
        }
    }
}
