<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names and the index (see common_names.xsl). An indexed name is a link to its index entry;
  the entry shows the name as the document's authority list gives it, the other forms the
  text uses, links to Wikidata, VIAF or GeoNames, and links back to every occurrence.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:name-html-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="(tk:own-id($name), 'tk-name-' || tk:name-occurrence($name))[1]"/>
  </xsl:function>

  <!-- Whether an element holds something that is itself a link (a link cannot hold a link). -->
  <xsl:function name="tk:holds-links" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e//*[self::note[tk:is-footnote(.)] or self::ref[@target] or self::ptr
                                       or tk:is-indexed-name(.)])"/>
  </xsl:function>

  <xsl:template match="persName | placeName | orgName | rs | name">
    <xsl:param name="tk:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="entry" select="if ($index and tk:is-indexed-name(.)) then tk:name-entry(.) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($entry) and not($tk:in-link) and not(tk:holds-links(.))">
        <a href="#{$entry?id}" id="{tk:name-html-id(.)}">
          <xsl:sequence select="tk:attrs(., 'tk-name', false())"/>
          <xsl:apply-templates>
            <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
            <xsl:with-param name="tk:in-link" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:when test="exists($entry)">
        <!-- inside a link, or holding one: a span the index links back to -->
        <span id="{tk:name-html-id(.)}">
          <xsl:sequence select="tk:attrs(., 'tk-name', false())"/>
          <xsl:apply-templates>
            <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A register in a text (listPerson, listPlace... in the back): its heading, then a list of
       its entries. -->
  <xsl:template match="listPerson | listPlace | listOrg | listEvent | listNym | listObject | listRelation">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:phrasing) then 'span' else 'div'}">
      <xsl:sequence select="tk:attrs(., ('tk-register', if ($tk:phrasing) then 'tk-block' else ()))"/>
      <xsl:apply-templates select="head"/>
      <xsl:call-template name="tk:entries">
        <xsl:with-param name="items" select="* except head"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- A document's standOff registers (its persons, places, events, bibliography...), after its
       text as the lists they are, each under its own heading: those with words in them (a list of
       dated events without a word, relations made of attributes, are data for machines) that the
       page's index does not already show whole (teikit's own documents name every entry of their
       standOff in the text, so their index is enough). -->
  <xsl:template name="tk:standoff-registers">
    <xsl:variable name="registers" select="standOff/*[tk:is-register(.) or self::listBibl][normalize-space()]
        [not($index and tk:indexed(descendant::*[tk:is-entry(.)]))]"/>
    <xsl:if test="exists($registers)">
      <xsl:variable name="level" select="min((6, tk:doc-level(.) + 1))"/>
      <section class="tk-standOff" aria-label="{tk:label('registers')}">
        <xsl:element name="h{$level}">
          <xsl:attribute name="class" select="'tk-standOff-title'"/>
          <xsl:value-of select="tk:label('registers')"/>
        </xsl:element>
        <xsl:for-each select="$registers">
          <xsl:variable name="label" select="tk:register-label(.)"/>
          <xsl:if test="empty(head) and $label">
            <xsl:element name="h{min((6, $level + 1))}">
              <xsl:value-of select="tk:label($label)"/>
            </xsl:element>
          </xsl:if>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Whether the page's index shows every one of these entries (none: no). -->
  <xsl:function name="tk:indexed" as="xs:boolean">
    <xsl:param name="entries" as="element()*"/>
    <xsl:sequence select="exists($entries)
        and (every $e in $entries satisfies exists($e/@xml:id ! $tk:entry-by-key('#' || .)))"/>
  </xsl:function>

  <!-- The label naming a register without a heading of its own (empty: none). -->
  <xsl:function name="tk:register-label" as="xs:string">
    <xsl:param name="register" as="element()"/>
    <xsl:sequence select="if ($register/self::listPerson) then 'persons' else if ($register/self::listPlace) then 'places'
        else if ($register/self::listOrg) then 'orgs' else ''"/>
  </xsl:function>

  <xsl:template name="tk:entries">
    <xsl:param name="items" as="element()*"/>
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="exists($items)">
      <xsl:element name="{if ($tk:phrasing) then 'span' else 'ul'}">
        <xsl:attribute name="class" select="'tk-entries' || (if ($tk:phrasing) then ' tk-block' else '')"/>
        <xsl:for-each select="$items">
          <xsl:element name="{if ($tk:phrasing) then 'span' else 'li'}">
            <xsl:choose>
              <xsl:when test="tk:is-entry(.)">
                <xsl:sequence select="tk:attrs(., ('tk-entry', if ($tk:phrasing) then 'tk-block' else ()))"/>
                <xsl:call-template name="tk:entry"/>
              </xsl:when>
              <xsl:otherwise>
                <!-- a list inside the list, or whatever else it holds -->
                <xsl:apply-templates select="."/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:element>
        </xsl:for-each>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <!-- An entry: its first name, its other names, its dates, what else it says (occupation, a
       note, a description...), its identifiers as authority links, and links to where the text
       names it; then the entries it holds (places in a place). -->
  <xsl:template name="tk:entry">
    <xsl:variable name="names" select="tk:entry-names(.)"/>
    <xsl:variable name="dates" select="tk:entry-dates(.)"/>
    <xsl:variable name="inner" select="*[tk:is-entry(.) or tk:is-register(.)]"/>
    <xsl:variable name="rest" select="* except ($names, $dates, $inner, idno)"/>
    <xsl:variable name="index-entry" select="@xml:id ! $tk:entry-by-key('#' || .)"/>
    <span class="tk-index-label">
      <xsl:apply-templates select="$names[1]">
        <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
    <xsl:if test="count($names) gt 1">
      <xsl:text> </xsl:text>
      <span class="tk-index-forms">
        <xsl:for-each select="$names[position() gt 1]">
          <xsl:if test="position() gt 1">
            <xsl:text>; </xsl:text>
          </xsl:if>
          <xsl:apply-templates select=".">
            <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:for-each>
      </span>
    </xsl:if>
    <xsl:if test="exists($dates)">
      <xsl:text> </xsl:text>
      <span class="tk-entry-dates">
        <xsl:text>(</xsl:text>
        <xsl:for-each select="$dates">
          <xsl:if test="position() gt 1">
            <xsl:value-of select="if (self::death and preceding-sibling::*[1][self::birth]) then ' – ' else '; '"/>
          </xsl:if>
          <xsl:if test="self::floruit">fl. </xsl:if>
          <xsl:choose>
            <xsl:when test="normalize-space()">
              <xsl:apply-templates select=".">
                <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="tk:entry-date(.)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:text>)</xsl:text>
      </span>
    </xsl:if>
    <xsl:for-each select="$rest">
      <xsl:value-of select="if (position() gt 1) then '; ' else ' '"/>
      <span class="tk-entry-part">
        <xsl:apply-templates select="if (self::note) then node() else .">
          <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </span>
    </xsl:for-each>
    <xsl:for-each select="idno">
      <xsl:variable name="link" select="tk:authority-pair(lower-case(@type), normalize-space(.))"/>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="exists($link)">
          <a class="tk-authority" href="{$link[2]}"><xsl:value-of select="$link[1]"/></a>
        </xsl:when>
        <xsl:otherwise>
          <span class="tk-idno"><xsl:value-of select="string-join((@type[normalize-space()], normalize-space(.)), ': ')"/></span>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:if test="$index and exists($index-entry)">
      <xsl:call-template name="tk:occurrences">
        <xsl:with-param name="names" select="$index-entry?names"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="tk:entries">
      <xsl:with-param name="items" select="$inner"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The index of the whole page, by category, entries in alphabetical order. -->
  <xsl:template name="tk:index">
    <xsl:if test="$index and exists($tk:index-entries)">
      <section class="tk-index" aria-labelledby="tk-index-title">
        <h2 id="tk-index-title"><xsl:value-of select="tk:label('index')"/></h2>
        <xsl:for-each select="('persons', 'places', 'orgs', 'other')">
          <xsl:variable name="category" select="."/>
          <xsl:variable name="entries" select="$tk:index-entries[?category = $category]"/>
          <xsl:if test="exists($entries)">
            <section class="tk-index-{$category}">
              <h3><xsl:value-of select="tk:label($category)"/></h3>
              <ul>
                <xsl:for-each select="$entries">
                  <xsl:sort select="?label" collation="http://www.w3.org/2013/collation/UCA?lang=en;strength=secondary"/>
                  <xsl:call-template name="tk:index-entry">
                    <xsl:with-param name="entry" select="."/>
                  </xsl:call-template>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tk:index-entry">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:variable name="links" select="tk:authority-links($entry)"/>
    <li id="{$entry?id}">
      <xsl:if test="$entry?entity">
        <xsl:sequence select="tk:attrs($entry?entity, 'tk-index-entry', false())"/>
      </xsl:if>
      <span class="tk-index-label"><xsl:value-of select="$entry?label"/></span>
      <xsl:variable name="other-forms" select="$entry?forms[. ne $entry?label]"/>
      <xsl:if test="exists($other-forms)">
        <xsl:text> </xsl:text>
        <span class="tk-index-forms">
          <xsl:value-of select="string-join($other-forms, '; ')"/>
        </span>
      </xsl:if>
      <xsl:for-each select="1 to count($links) idiv 2">
        <xsl:text> </xsl:text>
        <a class="tk-authority" href="{$links[2 * current()]}">
          <xsl:value-of select="$links[2 * current() - 1]"/>
        </a>
      </xsl:for-each>
      <xsl:call-template name="tk:occurrences">
        <xsl:with-param name="names" select="$entry?names"/>
      </xsl:call-template>
    </li>
  </xsl:template>

  <!-- Numbered links back to where the text names an entry. -->
  <xsl:template name="tk:occurrences">
    <xsl:param name="names" as="element()*"/>
    <xsl:text> </xsl:text>
    <span class="tk-index-occurrences">
      <xsl:for-each select="$names">
        <a class="tk-backlink" href="#{tk:name-html-id(.)}"
           aria-label="{tk:label('backlink-occurrence') || ' ' || position()}">
          <xsl:value-of select="position()"/>
        </a>
        <xsl:if test="position() ne last()">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:for-each>
    </span>
  </xsl:template>

</xsl:stylesheet>
