package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.spring.boot.AtomicsConfigurationException;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.SingletonBeanRegistry;
import org.springframework.beans.factory.support.BeanDefinitionOverrideException;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the bean names of atomics from colliding with other beans: every atomic is a bean named by its key, so an
 * atomic called {@code environment}, {@code messageSource} or like one of the application's beans would replace
 * that bean, or be replaced by it, or fail with an unrelated error. Each collision is reported instead, naming the
 * property and the other bean. Three checks, for the three moments another bean of the same name can appear:
 * <ul>
 *   <li>beans defined before the atomics (the application's own beans, the context's singletons) and the beans
 *       that the application context registers itself later ({@link #RESERVED}): checked here, right before
 *       {@link AtomicsBeanRegistrar} registers the atomics (registrars of a configuration class run before its
 *       bean registrars);</li>
 *   <li>a bean defined later, while bean definition overriding is allowed: {@link LaterBeans} finds that the
 *       atomic's definition was replaced;</li>
 *   <li>a bean defined later, while overriding is disabled (Boot's default): the registration fails, and
 *       {@link AtomicsFailureAnalyzer} reports the {@link BeanDefinitionOverrideException} with
 *       {@link #collision(BeanDefinitionOverrideException)}.</li>
 * </ul>
 */
final class AtomicsBeanNameCheck implements ImportBeanDefinitionRegistrar, EnvironmentAware {

    /**
     * Beans that the application context registers itself, some only after every bean definition is loaded, and
     * looks up by name: an atomic of that name would take their place.
     */
    static final Map<String, String> RESERVED = reserved();

    /** The bean name of {@link LaterBeans}: it contains dots, which no atomic name can. */
    static final String LATER_BEANS = AtomicsBeanNameCheck.class.getName() + ".laterBeans";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        for (ConfiguredAtomic atomic : ConfiguredAtomic.read(environment)) {
            String other = existingBean(registry, atomic.name());
            if (other != null) {
                throw collision(atomic.property(), atomic.name(), other);
            }
        }
        if (!registry.containsBeanDefinition(LATER_BEANS)) {
            RootBeanDefinition later = new RootBeanDefinition(LaterBeans.class);
            later.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
            registry.registerBeanDefinition(LATER_BEANS, later);
        }
    }

    /** The bean already named {@code name}, described for the failure report, or null if there is none. */
    private static String existingBean(BeanDefinitionRegistry registry, String name) {
        String reserved = reserved(name);
        if (reserved != null) {
            return reserved;
        }
        if (registry.containsBeanDefinition(name)) {
            return describe(name, registry.getBeanDefinition(name));
        }
        if (registry instanceof SingletonBeanRegistry singletons && singletons.containsSingleton(name)) {
            Object singleton = singletons.getSingleton(name);
            return "the singleton bean '" + name + "'" + (singleton == null ? "" : " (" + singleton.getClass().getName() + ")");
        }
        if (registry.isAlias(name)) {
            return "an alias '" + name + "' of another bean";
        }
        return null;
    }

    /** The bean of the application context itself named {@code name}, described for the failure report, or null. */
    static String reserved(String name) {
        return RESERVED.containsKey(name) ? "the application context's own " + RESERVED.get(name) + " bean '" + name + "'" : null;
    }

    /** A bean definition as the failure report names it: name, class (or factory method) and where it is defined. */
    static String describe(String name, BeanDefinition definition) {
        StringBuilder b = new StringBuilder("bean '").append(name).append("'");
        if (definition.getBeanClassName() != null) {
            b.append(" (").append(definition.getBeanClassName()).append(")");
        } else if (definition.getFactoryMethodName() != null) {
            b.append(" (@Bean method ").append(definition.getFactoryMethodName()).append(")");
        }
        if (definition.getResourceDescription() != null) {
            b.append(" defined in ").append(definition.getResourceDescription());
        }
        return b.toString();
    }

    static AtomicsConfigurationException collision(String property, String name, String other) {
        String suggestion = (name.length() > 94 ? name.substring(0, 94) : name) + "-count";
        return new AtomicsConfigurationException(property, name, "the name '" + name + "' is already taken by " + other
                + ", but every atomic is a bean named by its key, and bean names are unique",
                "Rename the atomic: give " + property + " another key, e.g. '" + suggestion + "' (and use that name"
                        + " where it is injected or requested).");
    }

    /**
     * The collision behind {@code e}, if one of its two definitions is an atomic's; otherwise (or for a null
     * {@code e}) null.
     */
    static AtomicsConfigurationException collision(BeanDefinitionOverrideException e) {
        if (e == null) {
            return null;
        }
        String existing = ConfiguredAtomic.declaredBy(e.getExistingDefinition());
        if (existing != null) {
            return collision(existing, e.getBeanName(), describe(e.getBeanName(), e.getBeanDefinition()));
        }
        String added = ConfiguredAtomic.declaredBy(e.getBeanDefinition());
        return added == null ? null : collision(added, e.getBeanName(), describe(e.getBeanName(), e.getExistingDefinition()));
    }

    private static Map<String, String> reserved() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, "Environment");
        names.put(ConfigurableApplicationContext.SYSTEM_PROPERTIES_BEAN_NAME, "system properties");
        names.put(ConfigurableApplicationContext.SYSTEM_ENVIRONMENT_BEAN_NAME, "system environment");
        names.put(ConfigurableApplicationContext.APPLICATION_STARTUP_BEAN_NAME, "ApplicationStartup");
        names.put(ConfigurableApplicationContext.LOAD_TIME_WEAVER_BEAN_NAME, "LoadTimeWeaver");
        names.put(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, "MessageSource");
        names.put(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, "ApplicationEventMulticaster");
        names.put(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME, "LifecycleProcessor");
        return Map.copyOf(names);
    }

    /**
     * After every bean definition is registered: the definition named by each atomic must still be the atomic's.
     * Another one means a bean of the same name was defined later and replaced it (bean definition overriding
     * allowed).
     */
    static final class LaterBeans implements BeanFactoryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            for (ConfiguredAtomic atomic : ConfiguredAtomic.read(environment)) {
                if (beanFactory.containsBeanDefinition(atomic.name())) {
                    BeanDefinition definition = beanFactory.getBeanDefinition(atomic.name());
                    if (!atomic.property().equals(ConfiguredAtomic.declaredBy(definition))) {
                        throw collision(atomic.property(), atomic.name(), describe(atomic.name(), definition));
                    }
                }
            }
        }
    }
}
