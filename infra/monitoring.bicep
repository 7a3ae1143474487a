// Notify's operations: an action group that e-mails the operator, four alerts on what the app reports to Application
// Insights (OpenTelemetry metrics in customMetrics, requests in requests), and a workbook with the metrics.
// Used by main.bicep; README "Operate" says what each alert means and what to do.

@description('Azure region of the alert rules and the workbook.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Short name used in the resources\' names.')
param name string

@description('Resource id of the Application Insights component the app exports to.')
param appInsightsId string

@description('E-mail address that receives the alerts; empty: the alerts fire in the portal only.')
param operatorEmail string

@description('Minutes the oldest message on a Notify queue may wait before the queue-age alert fires.')
@minValue(1)
param queueAgeAlertMinutes int

@description('Percentage of HTTP requests answered 5xx, over 5 minutes, that fires the server-error alert.')
@minValue(1)
@maxValue(100)
param serverErrorPercent int

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${name}-operators'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'notifyops'
    enabled: true
    emailReceivers: empty(operatorEmail) ? [] : [
      {
        name: 'operator'
        emailAddress: operatorEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Each alert: a name, a severity (0 critical … 4 verbose), how often it is evaluated over which window, and a query
// that returns a row for each thing that is wrong.
var alerts = [
  {
    key: 'channel-down'
    severity: 1
    description: 'A shared channel (kakao, sms, email) is down for everybody: deliveries skip it until a probe brings it back.'
    frequency: 'PT5M'
    window: 'PT5M'
    query: 'customMetrics | where name == "notify.channel.up" | extend channel = tostring(customDimensions["notify.channel"]) | summarize arg_max(timestamp, value) by channel | where value < 1'
  }
  {
    key: 'delivery-exhausted'
    severity: 2
    description: 'A delivery ran out of channels: a customer was not reached and the merchant was alerted.'
    frequency: 'PT5M'
    window: 'PT5M'
    query: 'customMetrics | where name == "notify.deliveries.settled" and tostring(customDimensions["outcome"]) == "exhausted" | summarize exhausted = sum(valueSum) | where exhausted > 0'
  }
  {
    key: 'queue-oldest-message'
    severity: 1
    description: 'The oldest message on a Notify queue has waited more than ${queueAgeAlertMinutes} minutes: senders are not keeping up or not running.'
    frequency: 'PT5M'
    window: 'PT10M'
    query: 'customMetrics | where name == "notify.queue.oldest_age" | extend queue = tostring(customDimensions["queue"]) | summarize age = max(value) by queue | where age > ${queueAgeAlertMinutes * 60}'
  }
  {
    key: 'server-errors'
    severity: 1
    description: 'More than ${serverErrorPercent}% of HTTP requests were answered 5xx (at least 10 requests): storage is likely unreachable.'
    frequency: 'PT5M'
    window: 'PT5M'
    query: 'requests | summarize total = count(), failed = countif(toint(resultCode) >= 500) | where total >= 10 and 100.0 * failed / total > ${serverErrorPercent}'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in alerts: {
    name: 'alert-${name}-${alert.key}'
    location: location
    tags: tags
    properties: {
      displayName: 'Notify: ${alert.key}'
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        appInsightsId
      ]
      evaluationFrequency: alert.frequency
      windowSize: alert.window
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          operators.id
        ]
      }
    }
  }
]

// One chart per question an operator asks during an outage.
var charts = [
  {
    title: 'Orders accepted and refused (by reason)'
    query: 'customMetrics | where name in ("notify.orders.accepted", "notify.orders.refused") | extend series = iff(name == "notify.orders.accepted", "accepted", strcat("refused: ", tostring(customDimensions["reason"]))) | summarize orders = sum(valueSum) by series, bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'Attempts by channel and outcome'
    query: 'customMetrics | where name == "notify.delivery.attempts" | extend series = strcat(tostring(customDimensions["notify.channel"]), " ", tostring(customDimensions["outcome"])) | summarize attempts = sum(valueSum) by series, bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'Reroutes by channel left and cause'
    query: 'customMetrics | where name == "notify.delivery.reroutes" | extend series = strcat(tostring(customDimensions["notify.channel"]), " ", tostring(customDimensions["cause"])) | summarize reroutes = sum(valueSum) by series, bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'Deliveries settled (confirmed by channel, exhausted, cancelled)'
    query: 'customMetrics | where name == "notify.deliveries.settled" | extend series = strcat(tostring(customDimensions["outcome"]), " ", tostring(customDimensions["notify.channel"])) | summarize deliveries = sum(valueSum) by series, bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'Time to confirm, mean seconds by channel'
    query: 'customMetrics | where name == "notify.delivery.time_to_confirm" | extend channel = tostring(customDimensions["notify.channel"]) | summarize seconds = sum(valueSum) / sum(valueCount) by channel, bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'Channel up (1) or down (0)'
    query: 'customMetrics | where name == "notify.channel.up" | extend channel = tostring(customDimensions["notify.channel"]) | summarize up = min(value) by channel, bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'Queue backlog and oldest message age (s)'
    query: 'customMetrics | where name in ("notify.queue.backlog", "notify.queue.oldest_age") | extend series = strcat(tostring(customDimensions["queue"]), iff(name == "notify.queue.backlog", " messages", " oldest s")) | summarize value = max(value) by series, bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'Stall sweep: duration (s) and deadline rows read'
    query: 'customMetrics | where name in ("notify.sweep.duration", "notify.sweep.rows_read") | summarize value = iff(name == "notify.sweep.duration", max(valueMax), sum(valueSum)) by name, bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'HTTP requests by result code'
    query: 'requests | summarize requests = count() by resultCode, bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'Storage requests by method (outgoing HTTP to the storage account)'
    query: 'dependencies | where type in ("Azure table", "Azure queue", "Http") and target has ".${environment().suffixes.storage}" | summarize requests = count() by name = strcat(type, " ", split(name, " ")[0]), bin(timestamp, 5m) | render timechart'
  }
]

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, name, 'notify-operations-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'Notify operations'
    category: 'workbook'
    sourceId: appInsightsId
    serializedData: string({
      version: 'Notebook/1.0'
      items: map(charts, chart => {
        type: 3
        name: chart.title
        content: {
          version: 'KqlItem/1.0'
          title: chart.title
          query: chart.query
          size: 0
          timeContext: {
            durationMs: 86400000
          }
          queryType: 0
          resourceType: 'microsoft.insights/components'
          visualization: 'timechart'
        }
      })
      isLocked: false
    })
  }
}

@description('Resource id of the operators\' action group.')
output actionGroupId string = operators.id
