package dev.runtimeservice.manager.api.docs;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerResourceResolver;
import org.springdoc.webmvc.ui.SwaggerWebMvcConfigurer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

/**
 * springdoc's configuration of the Swagger UI's resources, registered at boot as springdoc's is, with its index page
 * transformer made at the UI's first request: that transformer holds springdoc's Jackson 2 mapper (see
 * {@link ApiDocsOnDemand}).
 */
class SwaggerUiOnDemand extends SwaggerWebMvcConfigurer {

    SwaggerUiOnDemand(
            SwaggerUiConfigProperties properties,
            WebProperties web,
            WebMvcProperties webMvc,
            ObjectProvider<SwaggerIndexTransformer> transformer,
            SwaggerResourceResolver resolver,
            SwaggerWelcomeCommon welcome) {
        super(properties, web, webMvc, new IndexOnDemand(transformer), resolver, welcome);
    }

    /** springdoc's transformer of the UI's index page, made at its first use. */
    private record IndexOnDemand(ObjectProvider<SwaggerIndexTransformer> transformer)
            implements SwaggerIndexTransformer {

        @Override
        public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                throws IOException {
            return transformer.getObject().transform(request, resource, chain);
        }
    }
}
