<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit build: the corpus pages of a project's site, from the summary `teikit build` writes
  (elements in the namespace https://teikit.invalid/ns/site, see src/teikit/build/site.py):

    page=works    index.html: every work, with its author, date and counts of names,
                  quotations and notes, linking to its page
    page=persons, page=places, page=orgs
                  every person, place or organisation the works name, with links to Wikidata,
                  VIAF or GeoNames and to each mention in the works' pages

  It imports site-page.xsl, so a project customises the corpus pages as it does the documents'
  (labels, the hooks, tei.css).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="https://teikit.invalid/ns/site"
    exclude-result-prefixes="#all">

  <xsl:import href="site-page.xsl"/>

  <!-- which page: works, persons, places or orgs -->
  <xsl:param name="page" as="xs:string" select="'works'"/>

  <!-- a document of the summary by its name (a key: a search of every document per mention is
       quadratic in the size of the corpus) -->
  <xsl:key name="tk:document" match="document" use="@name"/>

  <xsl:variable name="tk:collation" select="'http://www.w3.org/2013/collation/UCA?lang=en;strength=secondary'"/>

  <xsl:template match="/">
    <xsl:if test="not($page = ('works', 'persons', 'places', 'orgs'))">
      <xsl:message terminate="yes" error-code="tk:bad-param"
          select="'parameter page=' || $page || ': expected works, persons, places or orgs'"/>
    </xsl:if>
    <xsl:variable name="site" select="site"/>
    <html lang="{($site/@lang[normalize-space()], 'en')[1]}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teikit"/>
        <title><xsl:value-of select="tk:label($page)"/></title>
        <xsl:call-template name="tk:style"/>
        <xsl:call-template name="tk:hook-head"/>
      </head>
      <body>
        <xsl:call-template name="tk:site-nav">
          <xsl:with-param name="current" select="$page"/>
        </xsl:call-template>
        <main class="tk-site-{$page}">
          <h1><xsl:value-of select="tk:label($page)"/></h1>
          <xsl:choose>
            <xsl:when test="$page = 'works'">
              <xsl:apply-templates select="$site" mode="tk:works"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="$site" mode="tk:entities"/>
            </xsl:otherwise>
          </xsl:choose>
        </main>
        <xsl:call-template name="tk:hook-page-footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="site" mode="tk:works">
    <div class="tk-table-wrap">
      <table class="tk-table tk-works">
        <thead>
          <tr>
            <xsl:for-each select="('work', 'author', 'date', 'names', 'quotations', 'notes')">
              <th scope="col"><xsl:value-of select="tk:label(.)"/></th>
            </xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="document/work">
            <!-- each cell carries its column's label: a narrow screen shows the row as a block
                 of labelled values (tei.css) -->
            <tr>
              <td data-label="{tk:label('work')}"><a href="{@href}"><xsl:value-of select="title"/></a></td>
              <td data-label="{tk:label('author')}"><xsl:value-of select="author"/></td>
              <td data-label="{tk:label('date')}"><xsl:value-of select="date"/></td>
              <td class="tk-count" data-label="{tk:label('names')}"><xsl:value-of select="@names"/></td>
              <td class="tk-count" data-label="{tk:label('quotations')}"><xsl:value-of select="@quotations"/></td>
              <td class="tk-count" data-label="{tk:label('notes')}"><xsl:value-of select="@notes"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- One entry per entity, in alphabetical order; under it, each work naming it (linked), and
       each mention there as a link showing the words around the name. -->
  <xsl:template match="site" mode="tk:entities">
    <xsl:variable name="entities" select="entity[@category = $page]"/>
    <xsl:choose>
      <xsl:when test="empty($entities)">
        <p class="tk-index-empty"><xsl:value-of select="tk:label('no-entries')"/></p>
      </xsl:when>
      <xsl:otherwise>
        <ul class="tk-index tk-corpus-index">
          <xsl:for-each select="$entities">
            <xsl:sort select="@label" collation="{$tk:collation}"/>
            <xsl:sort select="@label"/>
            <li>
              <span class="tk-index-label"><xsl:value-of select="@label"/></span>
              <xsl:for-each select="link">
                <xsl:text> </xsl:text>
                <a class="tk-authority" href="{@href}"><xsl:value-of select="@label"/></a>
              </xsl:for-each>
              <ul class="tk-index-documents">
                <xsl:for-each select="in">
                  <xsl:variable name="title" select="string((@title, key('tk:document', @document)/@title)[1])"/>
                  <li>
                    <cite>
                      <xsl:choose>
                        <xsl:when test="@href"><a href="{@href}"><xsl:value-of select="$title"/></a></xsl:when>
                        <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
                      </xsl:choose>
                    </cite>
                    <ol class="tk-mentions">
                      <xsl:for-each select="mention">
                        <li>
                          <a class="tk-backlink tk-mention" href="{@href}"
                             aria-label="{tk:label('mention') || ' ' || position() || ': ' || $title}">
                            <xsl:if test="normalize-space(before)">… <xsl:value-of select="before"/></xsl:if>
                            <mark><xsl:value-of select="(name[normalize-space()], ../../@label)[1]"/></mark>
                            <xsl:if test="normalize-space(after)"><xsl:value-of select="after"/> …</xsl:if>
                          </a>
                        </li>
                      </xsl:for-each>
                    </ol>
                  </li>
                </xsl:for-each>
              </ul>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
