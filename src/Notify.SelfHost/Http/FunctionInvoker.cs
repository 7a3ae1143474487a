using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Notify.SelfHost.Http;

/// <summary>Calls one HTTP function method with the request, its route values and the abort token.</summary>
public static class FunctionInvoker
{
    /// <summary>A request delegate for the method, behind the operator key when <paramref name="requiresKey"/>; fails at start-up for a parameter it cannot bind.</summary>
    public static RequestDelegate Create(Type type, MethodInfo method, bool requiresKey)
    {
        var binders = method.GetParameters().Select(Binder).ToArray();
        return async context =>
        {
            if (requiresKey && !AdminKey.IsPresent(context))
            {
                await AdminKey.Denied.ExecuteAsync(context);
                return;
            }
            var function = context.RequestServices.GetRequiredService(type);
            var args = binders.Select(bind => bind(context)).ToArray();
            var result = await (Task<IActionResult>)method.Invoke(function, args)!;
            await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        };
    }

    private static Func<HttpContext, object?> Binder(ParameterInfo p) => p.ParameterType switch
    {
        var t when t == typeof(HttpRequest) => c => c.Request,
        var t when t == typeof(CancellationToken) => c => c.RequestAborted,
        var t when t == typeof(string) => c => c.GetRouteValue(p.Name!)?.ToString(),
        var t => throw new InvalidOperationException($"The self-host cannot bind {t.Name} {p.Name} of {p.Member.DeclaringType?.Name}.{p.Member.Name}."),
    };
}
