package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.core.aws.SecretParameters;
import com.newsdesk.local.servers.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What template.yaml grants and keeps, read as AWS would apply it. */
class TemplatePrivilegeTest {
    private final SamTemplate template = SamTemplate.ofRepository();
    private final Map<String, JsonNode> functions = template.resources("AWS::Serverless::Function");

    @Test
    void noFunction_hasABroadPolicyTemplate_orMayDeleteAPage_onlyTheMediaApiDeletesPhotoVariants() {
        assertThat(functions).allSatisfy((id, function) -> {
            String policies = function.path("Properties").path("Policies").toString();
            assertThat(policies).as(id).doesNotContain("DynamoDBCrudPolicy", "S3CrudPolicy", "s3:*", "dynamodb:Scan", "dynamodb:*");
        });
        List<String> deletes = new ArrayList<>();
        functions.keySet().forEach(id -> statements(id).stream()
                .filter(statement -> statement.path("Action").toString().contains("s3:DeleteObject"))
                .forEach(statement -> deletes.add(id + " " + statement.path("Resource"))));
        assertThat(deletes).containsExactly("MediaApiFunction {\"Fn::Sub\":\"${SiteBucket.Arn}/media/*\"}");
    }

    @Test
    void shareFunction_reachesOnlyArticleShareAndRatePartitions() {
        List<JsonNode> dynamoStatements = statements("ShareFunction").stream()
                .filter(statement -> statement.path("Action").toString().contains("dynamodb:")).toList();

        assertThat(dynamoStatements).isNotEmpty().allSatisfy(statement -> assertThat(
                statement.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("ARTICLE#*", "SHARE#*", "RATE#*"));
    }

    @Test
    void invalidations_areAllowedOnThisStacksDistributionOnly() {
        JsonNode purge = template.resources("AWS::IAM::Policy").get("SitePurgePolicy").path("Properties").path("PolicyDocument");

        assertThat(template.json().path("Resources").toString().split("cloudfront:CreateInvalidation", -1)).hasSize(2);
        assertThat(purge.path("Statement").get(0).path("Resource").path("Fn::Sub").asText()).endsWith(":distribution/${SiteDistribution}");
    }

    @Test
    void secrets_areNamedBySsmParameters_neverGivenAsValues() {
        List<JsonNode> environments = new ArrayList<>();
        environments.add(template.json().path("Globals").path("Function").path("Environment").path("Variables"));
        functions.values().forEach(function -> environments.add(function.path("Properties").path("Environment").path("Variables")));

        // declared empty at most, for sam local's env-vars file to fill
        assertThat(environments).allSatisfy(variables -> assertThat(SecretParameters.SECRETS)
                .allSatisfy(secret -> assertThat(variables.path(secret).asText("")).as(secret).isEmpty()));
        assertThat(template.parameters().toString()).doesNotContain("NoEcho");
    }

    @Test
    void userPoolTableAndBucket_surviveADeleteOrReplacement() {
        JsonNode resources = template.json().path("Resources");

        assertThat(List.of("EditorsUserPool", "ArticlesTable", "SiteBucket")).allSatisfy(id -> {
            assertThat(resources.path(id).path("DeletionPolicy").asText()).as(id).isEqualTo("Retain");
            assertThat(resources.path(id).path("UpdateReplacePolicy").asText()).as(id).isEqualTo("Retain");
        });
    }

    @Test
    void ownDomain_givesAliasesAndCertificate_onlyWhenSet_andTheOutputSaysWhichUrlToUse() {
        JsonNode distribution = template.resources("AWS::CloudFront::Distribution").get("SiteDistribution")
                .path("Properties").path("DistributionConfig");
        JsonNode siteBaseUrl = template.json().path("Outputs").path("SiteBaseUrl").path("Value").path("Fn::If");

        assertThat(distribution.path("Aliases").path("Fn::If").get(0).asText()).isEqualTo("HasOwnDomain");
        assertThat(distribution.path("ViewerCertificate").path("Fn::If").get(0).asText()).isEqualTo("HasOwnDomain");
        assertThat(distribution.path("ViewerCertificate").path("Fn::If").get(1).path("SslSupportMethod").asText()).isEqualTo("sni-only");
        assertThat(siteBaseUrl.get(0).asText()).isEqualTo("HasOwnDomain");
        assertThat(siteBaseUrl.get(1).path("Fn::Sub").asText()).isEqualTo("https://${DomainName}");
    }

    @Test
    void editors_signInWithTheCodeFlow_andNeedTotp() {
        JsonNode client = template.json().path("Resources").path("EditorsUserPoolClient").path("Properties");
        JsonNode pool = template.json().path("Resources").path("EditorsUserPool").path("Properties");

        assertThat(client.path("AllowedOAuthFlows")).extracting(JsonNode::asText).containsExactly("code");
        assertThat(client.path("GenerateSecret").asBoolean(true)).isFalse();
        assertThat(template.resources("AWS::Cognito::UserPoolDomain")).isNotEmpty();
        assertThat(pool.path("MfaConfiguration").asText()).isEqualTo("ON");
        assertThat(pool.path("EnabledMfas")).extracting(JsonNode::asText).containsExactly("SOFTWARE_TOKEN_MFA");
    }

    private List<JsonNode> statements(String function) {
        List<JsonNode> statements = new ArrayList<>();
        functions.get(function).path("Properties").path("Policies")
                .forEach(policy -> policy.path("Statement").forEach(statements::add));
        return statements;
    }
}
