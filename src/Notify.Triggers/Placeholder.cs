namespace Notify.Triggers; internal static class Placeholder {}
