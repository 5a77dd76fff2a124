package org.ssekit.jaxrs.internal;

import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/** Binds the {@link SinkParamProvider} into Jersey's injection. */
public final class SinkBinder extends AbstractBinder {
    private final SinkOpener opener;

    public SinkBinder(SinkOpener opener) {
        this.opener = opener;
    }

    @Override
    protected void configure() {
        bind(new SinkParamProvider(opener)).to(ValueParamProvider.class);
    }
}
