<?xml version="1.0" encoding="UTF-8"?>
<!--
  Critical apparatus (see common_textcrit.xsl). Where an app stands, the page shows its lemma and
  a lettered mark (role doc-noteref) linking to its entry in the apparatus after the text: the
  lemma and its witnesses, a square bracket, then each other reading with its witnesses (an
  empty reading: "om."), and the app's notes; the entry links back to the mark.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:app-id" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="'tk-app-' || $tk:app-number(generate-id($app))[1]"/>
  </xsl:function>

  <xsl:function name="tk:app-ref-id" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="'tk-appref-' || $tk:app-number(generate-id($app))[1]"/>
  </xsl:function>

  <!-- In the text: the shown reading, then the mark. -->
  <xsl:template match="app">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="tk:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="block" select="not($tk:phrasing) and tk:stands-as-block(.)"/>
    <xsl:element name="{if ($block) then 'div' else 'span'}">
      <xsl:sequence select="tk:attrs(., ())"/>
      <xsl:apply-templates select="tk:app-shown(.)"/>
      <xsl:choose>
        <xsl:when test="$tk:in-link">
          <sup class="tk-appref" id="{tk:app-ref-id(.)}"><xsl:value-of select="tk:app-label(.)"/></sup>
        </xsl:when>
        <xsl:otherwise>
          <a class="tk-appref" href="#{tk:app-id(.)}" id="{tk:app-ref-id(.)}" role="doc-noteref"
             aria-label="{tk:label('apparatus-ref') || ' ' || tk:app-label(.)}">
            <sup><xsl:value-of select="tk:app-label(.)"/></sup>
          </a>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <!-- A reading: a block where its app stands as a block (readings of paragraphs), else inline. -->
  <xsl:template match="lem | rdg">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="not($tk:phrasing) and ancestor::app[1][tk:stands-as-block(.)]">
        <xsl:call-template name="tk:container"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="rdgGrp | witDetail | wit">
    <xsl:call-template name="tk:inline"/>
  </xsl:template>

  <!-- The apparatus of one document, after its text. -->
  <xsl:template name="tk:apparatus">
    <xsl:param name="apps" as="element()*"/>
    <xsl:if test="exists($apps)">
      <section class="tk-apparatus" aria-label="{tk:label('apparatus')}">
        <xsl:element name="h{min((6, tk:doc-level(.) + 1))}">
          <xsl:attribute name="class" select="'tk-apparatus-title'"/>
          <xsl:value-of select="tk:label('apparatus')"/>
        </xsl:element>
        <xsl:for-each select="$apps">
          <xsl:variable name="shown" select="tk:app-shown(.)"/>
          <aside id="{tk:app-id(.)}" role="doc-footnote">
            <xsl:sequence select="tk:attrs(., 'tk-app-entry', false())"/>
            <a class="tk-backlink" href="#{tk:app-ref-id(.)}" role="doc-backlink" aria-label="{tk:label('backlink')}">
              <xsl:value-of select="tk:app-label(.)"/>
            </a>
            <xsl:text> </xsl:text>
            <span class="tk-app-lemma"><xsl:value-of select="tk:shortened($shown)"/></span>
            <xsl:call-template name="tk:sigla">
              <xsl:with-param name="reading" select="$shown"/>
            </xsl:call-template>
            <xsl:text>] </xsl:text>
            <xsl:for-each select="tk:app-readings(.) except $shown">
              <xsl:if test="position() gt 1">
                <xsl:text>; </xsl:text>
              </xsl:if>
              <span>
                <xsl:sequence select="tk:attrs(., 'tk-app-reading', true())"/>
                <xsl:choose>
                  <xsl:when test="normalize-space(.) or *">
                    <xsl:apply-templates>
                      <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
                      <xsl:with-param name="tk:in-link" select="false()" tunnel="yes"/>
                    </xsl:apply-templates>
                  </xsl:when>
                  <xsl:otherwise>
                    <em class="tk-omitted"><xsl:value-of select="tk:label('omitted')"/></em>
                  </xsl:otherwise>
                </xsl:choose>
              </span>
              <xsl:call-template name="tk:sigla">
                <xsl:with-param name="reading" select="."/>
              </xsl:call-template>
            </xsl:for-each>
            <xsl:for-each select="tk:app-notes(.)">
              <xsl:text> </xsl:text>
              <span class="tk-app-note">
                <xsl:apply-templates>
                  <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
                  <xsl:with-param name="tk:in-link" select="false()" tunnel="yes"/>
                </xsl:apply-templates>
              </span>
            </xsl:for-each>
          </aside>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tk:sigla">
    <xsl:param name="reading" as="element()?"/>
    <xsl:variable name="sigla" select="if ($reading) then tk:sigla($reading) else ()"/>
    <xsl:if test="exists($sigla)">
      <xsl:text> </xsl:text>
      <span class="tk-wit"><xsl:value-of select="$sigla" separator=" "/></span>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
