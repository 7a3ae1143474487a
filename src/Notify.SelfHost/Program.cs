using Notify.SelfHost;

await NotifySelfHost.Build(args).RunAsync();
