package com.healthcyber.underwriting.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Writes a console page: the rendered template as UTF-8 HTML. (Quarkus' own REST integration
 * of Qute, quarkus-rest-qute, is not published for this platform version; this is all of it the
 * console needs.)
 */
@Provider
@Produces(MediaType.TEXT_HTML)
public class HtmlWriter implements MessageBodyWriter<TemplateInstance> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return TemplateInstance.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            TemplateInstance page,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        headers.putSingle("Content-Type", MediaType.TEXT_HTML + ";charset=UTF-8");
        out.write(page.render().getBytes(StandardCharsets.UTF_8));
    }
}
