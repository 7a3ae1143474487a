using Notify.KakaoSandbox;

KakaoSandboxApp.Build(args).Run();
