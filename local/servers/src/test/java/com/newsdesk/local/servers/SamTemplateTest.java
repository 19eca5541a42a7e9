package com.newsdesk.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    @Test
    void shortFormIntrinsics_readAsTheirJsonForm() throws IOException {
        JsonNode json = SamTemplate.parse(new StringReader("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Table: !Ref ArticlesTable
                      Issuer: !Sub https://cognito-idp.${AWS::Region}.amazonaws.com/${Pool}
                      Arn: !GetAtt SiteBucket.Arn
                      Joined: !Join [",", [a, !Ref B]]
                      Plain: !!str 29
                      Timeout: 29
                      Enabled: true
                """)).json().path("Resources").path("Fn").path("Properties");

        assertThat(json.path("Table").toString()).isEqualTo("{\"Ref\":\"ArticlesTable\"}");
        assertThat(json.path("Issuer").toString())
                .isEqualTo("{\"Fn::Sub\":\"https://cognito-idp.${AWS::Region}.amazonaws.com/${Pool}\"}");
        assertThat(json.path("Arn").toString()).isEqualTo("{\"Fn::GetAtt\":[\"SiteBucket\",\"Arn\"]}");
        assertThat(json.path("Joined").toString()).isEqualTo("{\"Fn::Join\":[\",\",[\"a\",{\"Ref\":\"B\"}]]}");
        assertThat(json.path("Plain").isTextual()).isTrue();
        assertThat(json.path("Timeout").asInt()).isEqualTo(29);
        assertThat(json.path("Enabled").asBoolean()).isTrue();
    }

    @Test
    void resources_ofOneType_inTemplateOrder() {
        SamTemplate template = SamTemplate.ofRepository();

        assertThat(template.resources(TemplateResources.TABLE)).containsOnlyKeys("ArticlesTable");
        assertThat(template.resources(TemplateResources.BUCKET)).containsOnlyKeys("SiteBucket", "UploadsBucket");
    }
}
