using Notify.TwilioSandbox;

TwilioSandboxApp.Build(args).Run();
