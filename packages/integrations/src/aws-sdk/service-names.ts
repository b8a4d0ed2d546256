/**
 * Step Functions' names for AWS services (`arn:aws:states:::aws-sdk:SERVICE:ACTION`), mapped to the AWS SDK v3
 * client package that calls the service and to the prefix AWS puts on the service's error names.
 */
import { pascalCase } from './java-naming.js';

/**
 * The exception prefixes of AWS's table of AWS SDK integrations (Developer Guide, "supported-services-awssdk").
 * Each prefix lower-cased is the Step Functions service name, so one list serves as the whole table.
 */
const ERROR_PREFIXES = `
  AccessAnalyzer Account Acm AcmPca AlexaForBusiness Amp Amplify AmplifyBackend AmplifyUiBuilder ApiGateway ApiGatewayV2
  AppConfig AppConfigData AppIntegrations AppMesh AppStream AppSync Appflow ApplicationAutoScaling ApplicationDiscovery
  ApplicationInsights Athena AuditManager AutoScaling AutoScalingPlans Backup BackupGateway Batch Braket Budgets Chime
  ChimeSdkMeetings Cloud9 CloudControl CloudDirectory CloudFormation CloudFront CloudHsm CloudHsmV2 CloudSearch
  CloudTrail CloudWatch CloudWatchLogs CodeBuild CodeCommit CodeDeploy CodeGuruProfiler CodeGuruReviewer CodePipeline
  CodeStar CodeStarConnections Codeartifact CodestarNotifications CognitoIdentity CognitoIdentityProvider CognitoSync
  Comprehend ComprehendMedical ComputeOptimizer Config Connect ConnectContactLens ConnectParticipant CostAndUsageReport
  CostExplorer DataBrew DataExchange DataPipeline DataSync DatabaseMigration Dax Detective DevOpsGuru DeviceFarm
  DirectConnect Directory Dlm DocDb Drs DynamoDb DynamoDbStreams Ebs Ec2 Ec2InstanceConnect Ecr EcrPublic Ecs Efs Eks
  ElastiCache ElasticBeanstalk ElasticInference ElasticLoadBalancing ElasticLoadBalancingV2 ElasticTranscoder
  Elasticsearch Emr EmrContainers EventBridge Evidently FSx Firehose Fis Fms Forecast Forecastquery FraudDetector
  GameLift Glacier Glue Grafana Greengrass GreengrassV2 GroundStation GuardDuty HealthLake Honeycode Iam Identitystore
  Imagebuilder Inspector Inspector2 IoTAnalytics IoTFleetHub IoTSecureTunneling IoTSiteWise IoTThingsGraph Iot
  Iot1ClickProjects IotDeviceAdvisor IotEvents IotEventsData IotJobsDataPlane IotWireless Ivs Kafka KafkaConnect Kendra
  Kinesis KinesisAnalytics KinesisAnalyticsV2 KinesisVideo KinesisVideoArchivedMedia KinesisVideoMedia
  KinesisVideoSignaling Kms LakeFormation Lambda LexModelBuilding LexModelsV2 LexRuntime LexRuntimeV2 LicenseManager
  Lightsail Location LookoutVision MTurk Macie2 ManagedBlockchain MarketplaceCatalog MarketplaceCommerceAnalytics
  MarketplaceEntitlement MarketplaceMetering MediaConnect MediaLive MediaPackage MediaPackageVod MediaStore MediaTailor
  MemoryDB MigrationHub MigrationHubConfig MigrationHubStrategy Mq Mwaa Neptune NetworkFirewall OpenSearch OpsWorks
  OpsWorksCm Organizations Outposts Panorama Personalize PersonalizeEvents PersonalizeRuntime Pi Pinpoint PinpointEmail
  PinpointSmsVoice Polly Pricing Qldb QldbSession QuickSight Ram Rbin Rds RdsData Redshift RedshiftData Rekognition
  Resiliencehub ResourceGroups ResourceGroupsTaggingApi RoboMaker Route53 Route53Domains Route53Resolver Rum S3
  S3Control S3Outposts SageMaker SageMakerA2IRuntime SageMakerFeatureStoreRuntime SageMakerRuntime SagemakerEdge
  Savingsplans Schemas SecretsManager SecurityHub ServerlessApplicationRepository ServiceCatalog
  ServiceCatalogAppRegistry ServiceDiscovery ServiceQuotas Ses SesV2 Sfn Shield Signer Sms Snowball Sns Sqs Ssm Sso
  SsoAdmin SsoOidc StorageGateway Sts Support Swf Synthetics Textract Transcribe Transfer Translate VoiceId Waf
  WafRegional Wafv2 WellArchitected Wisdom WorkDocs WorkMail WorkMailMessageFlow WorkSpaces WorkSpacesWeb XRay`;

const errorPrefixes = new Map(
  ERROR_PREFIXES.trim()
    .split(/\s+/)
    .map((prefix) => [prefix.toLowerCase(), prefix]),
);

/**
 * The SDK v3 client packages whose name is not `client-<service>`: the service name is the package suffix without
 * hyphens (and without a trailing `-service`). Every other service's package is `@aws-sdk/client-<service>`.
 */
const HYPHENATED_PACKAGES = `
  acm-pca api-gateway app-mesh application-auto-scaling application-discovery-service application-insights
  application-signals auto-scaling auto-scaling-plans backup-gateway bcm-data-exports bcm-recommended-actions
  bedrock-agent bedrock-agent-runtime bedrock-agentcore bedrock-agentcore-control bedrock-data-automation
  bedrock-data-automation-runtime bedrock-runtime chime-sdk-identity chime-sdk-media-pipelines chime-sdk-meetings
  chime-sdk-messaging chime-sdk-voice cloudfront-keyvaluestore cloudhsm-v2 cloudsearch-domain cloudwatch-logs
  codeguru-reviewer codestar-connections codestar-notifications cognito-identity cognito-identity-provider
  cognito-sync compute-optimizer config-service connect-contact-lens cost-and-usage-report-service cost-explorer
  cost-optimization-hub customer-profiles data-pipeline database-migration-service device-farm devops-guru
  direct-connect directory-service docdb-elastic dynamodb-streams ec2-instance-connect ecr-public elastic-beanstalk
  elastic-inference elastic-load-balancing elastic-load-balancing-v2 elastic-transcoder elasticsearch-service
  emr-containers emr-serverless geo-maps geo-places geo-routes global-accelerator iot-1click-projects iot-data-plane
  iot-events iot-events-data iot-jobs-data-plane iot-wireless ivs-realtime kinesis-analytics kinesis-analytics-v2
  kinesis-video kinesis-video-archived-media kinesis-video-media kinesis-video-signaling kinesis-video-webrtc-storage
  launch-wizard lex-model-building-service lex-models-v2 lex-runtime-service lex-runtime-v2 license-manager
  machine-learning marketplace-agreement marketplace-catalog marketplace-commerce-analytics
  marketplace-entitlement-service marketplace-metering mediapackage-vod mediastore-data medical-imaging migration-hub
  migration-hub-refactor-spaces migrationhub-config neptune-graph network-firewall payment-cryptography
  personalize-events personalize-runtime pinpoint-email pinpoint-sms-voice pinpoint-sms-voice-v2 qldb-session rds-data
  redshift-data redshift-serverless resource-explorer-2 resource-groups resource-groups-tagging-api route-53
  route-53-domains route53-recovery-cluster route53-recovery-control-config route53-recovery-readiness
  s3-control sagemaker-a2i-runtime sagemaker-edge sagemaker-featurestore-runtime sagemaker-geospatial
  sagemaker-runtime secrets-manager service-catalog service-catalog-appregistry service-quotas signer-data
  snow-device-management ssm-contacts ssm-incidents sso-admin sso-oidc storage-gateway timestream-influxdb
  timestream-query timestream-write voice-id vpc-lattice waf-regional workspaces-instances workspaces-thin-client
  workspaces-web`;

const hyphenatedPackages = new Map(
  HYPHENATED_PACKAGES.trim()
    .split(/\s+/)
    .map((suffix) => [suffix.replace(/-service$/, '').replaceAll('-', ''), suffix]),
);

/** The npm package of the SDK v3 client for a Step Functions service name, e.g. `secretsmanager` → `@aws-sdk/client-secrets-manager`. */
export function clientPackageName(service: string): string {
  return `@aws-sdk/client-${hyphenatedPackages.get(service) ?? service}`;
}

/**
 * The prefix of a service's error names (`S3` in `S3.NoSuchKeyException`). Services missing from AWS's table (newer
 * than it) get the Java SDK v2 client's name, where AWS's prefixes come from: the SDK v3 client's name (`SFN` of
 * `SFNClient`) in the Java SDK's Pascal case (`Sfn`).
 */
export function errorPrefix(service: string, sdkClientName: string): string {
  return errorPrefixes.get(service) ?? pascalCase(sdkClientName.replace(/Client$/, ''));
}
